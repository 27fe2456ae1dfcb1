package org.toxgrade.ingest;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.toxgrade.fhir.FhirException;
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
        Map<Key, Current> state = new HashMap<>(current);
        Map<Key, Map<String, Version>> senderVersions = new HashMap<>();
        bySenderVersion.forEach((k, v) -> senderVersions.put(k, new HashMap<>(v)));
        List<Decision> decisions = new ArrayList<>(writes.size());
        for (PreparedWrite write : writes) {
            Key key = new Key(write.type().fhirName(), write.id());
            Current now0 = state.getOrDefault(key, NONE);
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

    private static Decision unchanged(PreparedWrite write, Version existing) {
        return new Decision(write, new WriteOutcome(write, WriteOutcome.Kind.UNCHANGED, existing.versionId(),
                existing.receivedAt()), false, null);
    }
}
