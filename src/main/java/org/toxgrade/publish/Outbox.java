package org.toxgrade.publish;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;
import org.toxgrade.security.IdHasher;

/**
 * The producer's side of the outbox: {@link #enqueue} joins the caller's transaction, so derived
 * state and the change that announces it to the EHR commit together or not at all.
 *
 * <p>Per business identifier only the latest state matters to the EHR: a newer change marks older
 * undelivered rows ({@code pending}, {@code dead}) {@code superseded} (kept for the log), and a
 * change whose content equals the latest row that is live or already decided ({@code pending},
 * {@code sending}, {@code sent}, {@code superseded-by-clinician}, {@code invalid}) is not enqueued
 * again. Concurrent enqueues for one identifier are serialised by a transaction-scoped advisory lock.
 */
@ApplicationScoped
public class Outbox {

    private static final Logger LOG = Logger.getLogger(Outbox.class);

    private final MeterRegistry metrics;
    private final IdHasher ids;

    public Outbox(MeterRegistry metrics, IdHasher ids) {
        this.metrics = metrics;
        this.ids = ids;
    }

    /** What {@link #enqueue} did. */
    public record Enqueued(long pk, boolean added, List<Long> superseded) {

        /** Nothing added: row {@code pk} already carries this content. */
        public static Enqueued unchanged(long pk) {
            return new Enqueued(pk, false, List.of());
        }
    }

    /**
     * Adds the change in the caller's transaction. Call {@link OutboxDispatcher#trigger()} after that
     * transaction commits to deliver it without waiting for the next scheduled run.
     */
    public Uni<Enqueued> enqueue(Mutiny.Session session, OutboundChange change) {
        String key = change.identifierSystem() + "|" + change.identifierValue();
        return session.createNativeQuery(
                "select count(*) from (select pg_advisory_xact_lock(hashtextextended(:key, 0))) lock", Long.class)
                .setParameter("key", key).getSingleResult()
                .chain(locked -> session.createSelectionQuery("from OutboxRow where identifierSystem = :system"
                        + " and identifierValue = :value and state <> 'superseded' order by pk desc", OutboxRow.class)
                        .setParameter("system", change.identifierSystem())
                        .setParameter("value", change.identifierValue())
                        .setMaxResults(1).getResultList())
                .chain(latest -> {
                    if (!latest.isEmpty() && !OutboxState.DEAD.code().equals(latest.get(0).state)
                            && latest.get(0).contentSha256.equals(change.contentSha256())) {
                        LOG.debugf("Outbox: %s unchanged, row %d (%s) already carries it", ref(change),
                                latest.get(0).pk, latest.get(0).state);
                        metrics.counter("toxgrade.outbox.unchanged", "type", change.resourceType()).increment();
                        return Uni.createFrom().item(Enqueued.unchanged(latest.get(0).pk));
                    }
                    return add(session, change);
                });
    }

    private Uni<Enqueued> add(Mutiny.Session session, OutboundChange change) {
        OffsetDateTime now = now();
        OutboxRow row = new OutboxRow();
        row.patientRef = change.patientRef();
        row.resourceType = change.resourceType();
        row.identifierSystem = change.identifierSystem();
        row.identifierValue = change.identifierValue();
        row.resourceJson = change.resourceJson();
        row.provenanceJson = change.provenanceJson();
        row.contentSha256 = change.contentSha256();
        row.state = OutboxState.PENDING.code();
        row.attempts = 0;
        row.nextAttemptAt = now;
        row.createdAt = now;
        row.updatedAt = now;
        return session.persist(row)
                .chain(() -> session.createSelectionQuery("from OutboxRow where identifierSystem = :system"
                        + " and identifierValue = :value and state in ('pending', 'dead') and pk < :pk",
                        OutboxRow.class)
                        .setParameter("system", row.identifierSystem)
                        .setParameter("value", row.identifierValue)
                        .setParameter("pk", row.pk)
                        .getResultList())
                .map(older -> {
                    older.forEach(old -> {
                        old.state = OutboxState.SUPERSEDED.code();
                        old.supersededBy = row.pk;
                        old.updatedAt = now;
                    });
                    metrics.counter("toxgrade.outbox.enqueued", "type", change.resourceType()).increment();
                    if (!older.isEmpty()) {
                        metrics.counter("toxgrade.outbox.superseded", "by", "change", "type", change.resourceType())
                                .increment(older.size());
                    }
                    LOG.debugf("Outbox: %s enqueued as row %d, %d older superseded", ref(change), row.pk, older.size());
                    return new Enqueued(row.pk, true, older.stream().map(o -> o.pk).toList());
                });
    }

    /**
     * The patient's results ({@code Type/id}) the EHR has received or may have (a delivery in
     * flight, a clinician's edit found there). The patient's pending rows are locked first, for the
     * caller's transaction: none of them can be claimed for delivery until it commits, so a result
     * not in this set cannot reach the EHR behind the caller's back.
     */
    public Uni<Set<String>> publishedResults(Mutiny.Session session, String patient) {
        return session.createNativeQuery("select pk from outbox where patient_ref = :patient and state = 'pending'"
                + " for update", Long.class)
                .setParameter("patient", patient).getResultList()
                .chain(locked -> session.createNativeQuery("select distinct resource_type || '/' || identifier_value"
                        + " from outbox where patient_ref = :patient"
                        + " and state in ('sending', 'sent', 'superseded-by-clinician')", String.class)
                        .setParameter("patient", patient).getResultList())
                .map(Set::copyOf);
    }

    /**
     * Takes back a result that never left the service: its undelivered rows (pending, or dead
     * awaiting an operator) are superseded by nothing, so no one sends or redrives them.
     */
    public Uni<Integer> retract(Mutiny.Session session, String patient, String resourceType, String id) {
        return session.createNativeQuery("update outbox set state = 'superseded', updated_at = :now"
                + " where patient_ref = :patient and resource_type = :type and identifier_value = :id"
                + " and state in ('pending', 'dead')")
                .setParameter("now", now()).setParameter("patient", patient)
                .setParameter("type", resourceType).setParameter("id", id)
                .executeUpdate()
                .invoke(n -> LOG.debugf("Outbox: %s retracted before delivery, %d rows superseded",
                        ids.ref(resourceType, id), n));
    }

    private String ref(OutboundChange change) {
        return ids.ref(change.resourceType(), change.identifierValue());
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
