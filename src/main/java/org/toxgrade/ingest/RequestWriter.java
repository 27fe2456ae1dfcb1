package org.toxgrade.ingest;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.toxgrade.audit.AuditTrail;
import org.toxgrade.ingest.WritePlanner.Decision;
import org.toxgrade.ingest.store.ReceivedResourceRows;
import org.toxgrade.patient.FactStore;
import org.toxgrade.patient.PatientLocks;
import org.toxgrade.security.Caller;

/**
 * Stores the writes of one request in the caller's database transaction, set-based: about ten
 * statements whatever the number of entries.
 * <ol>
 *   <li>Lock every patient the request touches (each subject and, for a corrected record, the
 *       patient its facts belonged to), all in one sorted statement before anything is written,
 *       so concurrent requests on overlapping patients queue instead of deadlocking;</li>
 *   <li>read what is stored of all the request's resources in two queries;</li>
 *   <li>decide every write in memory ({@link WritePlanner});</li>
 *   <li>write the new versions, the facts they say, the patients' change marks and the audit
 *       records, one multi-row statement each.</li>
 * </ol>
 * The resource rows, their facts and their audit records commit together or not at all.
 */
@ApplicationScoped
public class RequestWriter {

    private final ReceivedResourceRows resources;
    private final FactStore facts;
    private final PatientLocks locks;
    private final AuditTrail audit;

    public RequestWriter(ReceivedResourceRows resources, FactStore facts, PatientLocks locks, AuditTrail audit) {
        this.resources = resources;
        this.facts = facts;
        this.locks = locks;
        this.audit = audit;
    }

    /**
     * What one request stored.
     *
     * @param decisions       one per write, in request order
     * @param changedPatients the patients whose facts changed, with their new facts version
     * @param changes         per changed patient, what each changed source now says of it (empty
     *                        when the source's facts left the patient), as a derivation reads it back
     */
    public record Stored(List<Decision> decisions, Map<String, Long> changedPatients,
            Map<String, Map<String, List<Object>>> changes) {
    }

    /**
     * @param allOrNothing a transaction Bundle: the first refused write fails the whole request
     *                     (and the caller's transaction rolls back)
     */
    public Uni<Stored> store(SqlConnection connection, Caller caller, List<PreparedWrite> writes,
            boolean allOrNothing) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        Set<String> sources = new LinkedHashSet<>();
        Set<String> subjects = new TreeSet<>();
        for (PreparedWrite w : writes) {
            sources.add(w.facts().source());
            subjects.add(w.facts().patient());
        }
        return facts.patientsOf(connection, sources).chain(before -> {
            Set<String> patients = new TreeSet<>(subjects);
            before.values().forEach(patients::addAll);
            return locks.lockAll(connection, patients, now)
                    // Read again under the locks: a concurrent correction may have moved a record
                    // since; its other patient is locked too (rare; a deadlock then is retried).
                    .chain(() -> facts.patientsOf(connection, sources))
                    .chain(owners -> {
                        Set<String> extra = new TreeSet<>();
                        owners.values().forEach(extra::addAll);
                        extra.removeAll(patients);
                        return locks.lockAll(connection, extra, now).replaceWith(owners);
                    });
        }).chain(owners -> decide(connection, writes, now).chain(decisions -> {
            if (allOrNothing) {
                for (Decision d : decisions) {
                    if (d.error() != null) {
                        return Uni.createFrom().failure(d.error());
                    }
                }
            }
            Map<String, Map<String, List<Object>>> changes = changes(decisions, owners);
            return write(connection, caller, decisions, owners, now)
                    .map(changed -> new Stored(decisions, changed, changes));
        }));
    }

    /** The ids of the resources of a type whose current version carries the identifier. */
    public Uni<List<String>> carriers(SqlConnection connection, String type, Precondition.Identifier identifier) {
        return resources.carrying(connection, type, identifier.system(), identifier.value())
                .map(found -> found.stream().map(ReceivedResourceRows.Carrier::id).toList());
    }

    /** Per patient, what each source whose facts changed now says of it, the last version winning. */
    private static Map<String, Map<String, List<Object>>> changes(List<Decision> decisions,
            Map<String, Set<String>> owners) {
        Map<String, Map<String, List<Object>>> changes = new TreeMap<>();
        for (Decision d : decisions) {
            if (!d.changesFacts()) {
                continue;
            }
            String source = d.write().facts().source();
            String patient = d.write().facts().patient();
            Set<String> others = new TreeSet<>(owners.getOrDefault(source, Set.of()));
            changes.forEach((p, bySource) -> {
                if (bySource.containsKey(source)) {
                    others.add(p);
                }
            });
            others.remove(patient);
            others.forEach(p -> changes.computeIfAbsent(p, k -> new LinkedHashMap<>()).put(source, List.of()));
            changes.computeIfAbsent(patient, k -> new LinkedHashMap<>()).put(source,
                    FactStore.stored(d.write().facts()));
        }
        return changes;
    }

    private Uni<List<Decision>> decide(SqlConnection connection, List<PreparedWrite> writes, OffsetDateTime now) {
        Set<ReceivedResourceRows.Key> keys = new LinkedHashSet<>();
        List<ReceivedResourceRows.Key> versionKeys = new ArrayList<>();
        List<String> senderVersions = new ArrayList<>();
        for (PreparedWrite w : writes) {
            ReceivedResourceRows.Key key = new ReceivedResourceRows.Key(w.type().fhirName(), w.id());
            keys.add(key);
            if (w.sourceVersionId() != null) {
                versionKeys.add(key);
                senderVersions.add(w.sourceVersionId());
            }
        }
        return resources.current(connection, List.copyOf(keys))
                .chain(current -> resources.bySenderVersion(connection, versionKeys, senderVersions)
                        .chain(byVersion -> carriers(connection, writes)
                                .map(carriers -> WritePlanner.plan(writes, current, byVersion, carriers, now))));
    }

    /**
     * For each write with an identifier condition, the resources carrying the identifier now, read under
     * a transaction-scoped advisory lock on the identifier: two conditional creates of one identifier whose
     * resources name different patients (a Patient create) still queue.
     */
    private Uni<Map<Integer, List<ReceivedResourceRows.Carrier>>> carriers(SqlConnection connection,
            List<PreparedWrite> writes) {
        Map<Integer, List<ReceivedResourceRows.Carrier>> found = new TreeMap<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int i = 0; i < writes.size(); i++) {
            PreparedWrite w = writes.get(i);
            Precondition.Identifier identifier = w.precondition().identifier();
            if (identifier == null) {
                continue;
            }
            int index = i;
            String type = w.type().fhirName();
            chain = chain.chain(() -> resources.lockIdentifier(connection, type + "|" + identifier.system() + "|"
                    + identifier.value()))
                    .chain(() -> resources.carrying(connection, type, identifier.system(), identifier.value()))
                    .invoke(carriers -> found.put(index, carriers)).replaceWithVoid();
        }
        return chain.replaceWith(found);
    }

    private Uni<Map<String, Long>> write(SqlConnection connection, Caller caller, List<Decision> decisions,
            Map<String, Set<String>> owners, OffsetDateTime now) {
        List<ReceivedResourceRows.NewRow> rows = new ArrayList<>();
        List<FactStore.Replacement> replacements = new ArrayList<>();
        List<AuditTrail.Entry> records = new ArrayList<>();
        Set<String> changed = new TreeSet<>();
        for (Decision d : decisions) {
            if (d.outcome() == null) {
                continue;
            }
            PreparedWrite w = d.write();
            if (d.insert()) {
                rows.add(new ReceivedResourceRows.NewRow(w.type().fhirName(), w.id(), d.outcome().versionId(),
                        w.sourceVersionId(),
                        w.sourceLastUpdated() == null ? null : w.sourceLastUpdated().atOffset(ZoneOffset.UTC),
                        d.stale(), w.source(), now, w.contentSha256(), w.rawJson(), w.storedJson()));
            }
            if (d.changesFacts()) {
                replacements.add(new FactStore.Replacement(w.facts(), d.outcome().versionId()));
                changed.add(w.facts().patient());
                changed.addAll(owners.getOrDefault(w.facts().source(), Set.of()));
            }
            records.add(new AuditTrail.Entry(
                    w.interaction() == Interaction.CREATE ? AuditTrail.Action.C : AuditTrail.Action.U, w.source(),
                    w.type().fhirName(), w.id(), d.outcome().versionId(), d.outcome().httpStatus()));
        }
        return resources.insertAll(connection, rows)
                .chain(() -> facts.replaceAll(connection, replacements))
                .chain(() -> audit.recordAll(connection, caller, records))
                .chain(() -> locks.markChanged(connection, changed, now));
    }
}
