package org.toxgrade.ingest;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.toxgrade.fhir.FhirException;
import org.toxgrade.ingest.store.ReceivedResourceRows.Carrier;
import org.toxgrade.ingest.store.ReceivedResourceRows.Current;
import org.toxgrade.ingest.store.ReceivedResourceRows.Key;
import org.toxgrade.ingest.store.ReceivedResourceRows.Version;

/**
 * Decides what each write of one request does, in request order, from what the database holds
 * for the resources it names (read in one query before). Plain Java: the same rules as one write at
 * a time (a redelivery of the same sender version or, without one, of the same content changes
 * nothing; a version the sender labels older is kept, marked stale, and does not become current),
 * with the state of a resource carried from one write to the next, so that two versions of one
 * resource in a Bundle behave as if sent one after the other.
 */
final class WritePlanner {

    /**
     * The decision for one write: an outcome (with {@code insert} when a row is to be written) or
     * the refusal of this write.
     */
    record Decision(PreparedWrite write, WriteOutcome outcome, boolean insert, FhirException error) {

        boolean stale() {
            return outcome != null && outcome.kind() == WriteOutcome.Kind.STALE;
        }

        /** A new current version: its facts replace the resource's earlier ones. */
        boolean changesFacts() {
            return insert && !stale();
        }
    }

    private static final Current NONE = new Current(0, null);

    private WritePlanner() {
    }

    /**
     * @param current         what is stored per resource (absent: nothing yet)
     * @param bySenderVersion stored versions by resource and sender {@code meta.versionId}
     * @param now             the time the rows are stored at
     */
    static List<Decision> plan(List<PreparedWrite> writes, Map<Key, Current> current,
            Map<Key, Map<String, Version>> bySenderVersion, OffsetDateTime now) {
        return plan(writes, current, bySenderVersion, Map.of(), now);
    }

    /**
     * @param carriers per write with an identifier condition (by index), the current resources of its type
     *                 that carry the identifier, as read in the transaction
     */
    static List<Decision> plan(List<PreparedWrite> writes, Map<Key, Current> current,
            Map<Key, Map<String, Version>> bySenderVersion, Map<Integer, List<Carrier>> carriers,
            OffsetDateTime now) {
        Map<Key, Current> state = new HashMap<>(current);
        Map<Key, Map<String, Version>> senderVersions = new HashMap<>();
        bySenderVersion.forEach((k, v) -> senderVersions.put(k, new HashMap<>(v)));
        List<Decision> decisions = new ArrayList<>(writes.size());
        for (int i = 0; i < writes.size(); i++) {
            PreparedWrite write = writes.get(i);
            Key key = new Key(write.type().fhirName(), write.id());
            Current now0 = state.getOrDefault(key, NONE);
            Decision conditional = conditional(write, now0, carriers.get(i));
            if (conditional != null) {
                decisions.add(conditional);
                continue;
            }
            String senderVersion = write.sourceVersionId();
            Version same = senderVersion == null
                    ? null
                    : senderVersions.getOrDefault(key, Map.of()).get(senderVersion);
            if (same != null) {
                decisions.add(same.contentSha256().equals(write.contentSha256())
                        ? unchanged(write, same)
                        : new Decision(write, null, false,
                                IngestError.VERSION_CONTENT_CONFLICT.refuseAt("meta.versionId", key.type())));
                continue;
            }
            Version latest = now0.latest();
            if (latest != null && senderVersion == null && latest.contentSha256().equals(write.contentSha256())) {
                decisions.add(unchanged(write, latest));
                continue;
            }
            boolean stale = latest != null && SenderOrder.isOlder(write.sourceVersionId(), write.sourceLastUpdated(),
                    latest.sourceVersionId(),
                    latest.sourceLastUpdated() == null ? null : latest.sourceLastUpdated().toInstant());
            WriteOutcome.Kind kind = latest == null
                    ? WriteOutcome.Kind.CREATED
                    : stale ? WriteOutcome.Kind.STALE : WriteOutcome.Kind.UPDATED;
            int version = now0.maxVersion() + 1;
            Version stored = new Version(version, write.contentSha256(), senderVersion,
                    write.sourceLastUpdated() == null ? null : write.sourceLastUpdated().atOffset(ZoneOffset.UTC), now);
            state.put(key, new Current(version, stale ? latest : stored));
            if (senderVersion != null) {
                senderVersions.computeIfAbsent(key, k -> new HashMap<>()).put(senderVersion, stored);
            }
            decisions.add(new Decision(write, new WriteOutcome(write, kind, version, now), true, null));
        }
        return decisions;
    }

    /**
     * The decision of a write whose precondition decides it: a refusal (412) or, for a conditional create
     * that finds its resource, that resource; null when the write goes ahead as any other.
     */
    private static Decision conditional(PreparedWrite write, Current current, List<Carrier> found) {
        Precondition condition = write.precondition();
        String type = write.type().fhirName();
        if (condition.ifMatch() != null
                && (current.latest() == null || current.latest().versionId() != condition.ifMatch())) {
            return new Decision(write, null, false, IngestError.IF_MATCH_FAILED.refuse(type));
        }
        if (condition.identifier() == null) {
            return null;
        }
        List<Carrier> carriers = found == null ? List.of() : found;
        Set<String> ids = new HashSet<>();
        carriers.forEach(c -> ids.add(c.id()));
        if (condition.ifNoneExist() && condition.expected() != null && !ids.equals(condition.expected())) {
            return new Decision(write, null, false, IngestError.CONDITION_CHANGED.refuse(type));
        }
        if (condition.ifNoneExist()) {
            if (carriers.size() > 1) {
                return new Decision(write, null, false,
                        IngestError.CONDITION_MULTIPLE_MATCHES.refuse("If-None-Exist", type));
            }
            if (carriers.size() == 1) {
                Carrier there = carriers.get(0);
                return new Decision(write.existing(there.id()),
                        new WriteOutcome(write.existing(there.id()), WriteOutcome.Kind.EXISTING, there.versionId(),
                                there.receivedAt()),
                        false, null);
            }
            return null;
        }
        return ids.equals(condition.expected())
                ? null
                : new Decision(write, null, false, IngestError.CONDITION_CHANGED.refuse(type));
    }

    private static Decision unchanged(PreparedWrite write, Version existing) {
        return new Decision(write, new WriteOutcome(write, WriteOutcome.Kind.UNCHANGED, existing.versionId(),
                existing.receivedAt()), false, null);
    }
}
