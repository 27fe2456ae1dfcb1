package org.toxgrade.publish;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.reactive.mutiny.Mutiny;

/** The dispatcher's and the operators' side of table {@code outbox}. */
@ApplicationScoped
public class OutboxStore {

    private final Mutiny.SessionFactory sessions;

    public OutboxStore(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    /**
     * Due rows, locked for this transaction and skipped by any other claimer while it lasts. A row is
     * due when pending and its time has come, or when its claim lapsed; never while another row of
     * the same business identifier is being sent (deliveries of one resource stay in order).
     */
    public static String claimSql(int limit) {
        return """
                select o.* from outbox o
                where ((o.state = 'pending' and o.next_attempt_at <= now())
                       or (o.state = 'sending' and o.lease_until < now()))
                  and not exists (select 1 from outbox busy
                                  where busy.identifier_system = o.identifier_system
                                    and busy.identifier_value = o.identifier_value
                                    and busy.pk <> o.pk and busy.state = 'sending' and busy.lease_until >= now())
                order by o.next_attempt_at, o.pk
                limit %d
                for update of o skip locked""".formatted(limit);
    }

    /**
     * A row whose claim lapsed (its sender died mid-delivery, e.g. the service was stopped) while a newer
     * change of the same result waits is superseded by that change instead of being sent first: after a
     * restart the EHR gets the latest content once, not every version a second apart. The newer row reads
     * the EHR afresh before it writes, so whatever the lapsed delivery did reach the EHR is taken into account.
     */
    public static String coalesceLapsedSql() {
        return """
                update outbox o set state = 'superseded', updated_at = now(),
                       superseded_by = (select max(n.pk) from outbox n
                                        where n.identifier_system = o.identifier_system
                                          and n.identifier_value = o.identifier_value and n.state = 'pending')
                where o.state = 'sending' and o.lease_until < now()
                  and exists (select 1 from outbox n
                              where n.identifier_system = o.identifier_system
                                and n.identifier_value = o.identifier_value
                                and n.pk > o.pk and n.state = 'pending')""";
    }

    /** Claims up to {@code limit} due rows: {@code sending} until {@code lease} has passed. */
    public Uni<List<OutboxRow>> claim(int limit, Duration lease) {
        return sessions.withTransaction(session -> session.createNativeQuery(coalesceLapsedSql()).executeUpdate()
                .chain(() -> session.createNativeQuery(claimSql(limit), OutboxRow.class).getResultList())
                .invoke(rows -> {
                    OffsetDateTime now = Outbox.now();
                    rows.forEach(row -> {
                        row.state = OutboxState.SENDING.code();
                        row.leaseUntil = now.plus(lease);
                        row.updatedAt = now;
                    });
                }));
    }

    /** Where the latest successful delivery for a business identifier left the resource on the EHR. */
    public record LastWritten(String ehrId, String versionId) {
    }

    /** The EHR id and version the latest successful delivery for this row's business identifier produced. */
    public Uni<Optional<LastWritten>> lastWritten(OutboxRow row) {
        return sessions.withSession(session -> session.createSelectionQuery(
                "from OutboxRow where identifierSystem = :system and identifierValue = :value"
                        + " and state = 'sent' and ehrVersionId is not null order by sentAt desc, pk desc",
                OutboxRow.class)
                .setParameter("system", row.identifierSystem)
                .setParameter("value", row.identifierValue)
                .setMaxResults(1).getResultList()
                .map(list -> list.stream().findFirst()
                        .map(sent -> new LastWritten(sent.ehrResourceId, sent.ehrVersionId))));
    }

    /** Applies {@code change} to row {@code pk} in a transaction of its own. */
    public Uni<OutboxRow> update(long pk, RowChange change) {
        return sessions.withTransaction(session -> session.find(OutboxRow.class, pk)
                .chain(row -> change.apply(session, row).replaceWith(row)));
    }

    /** A change to one row inside the caller's transaction (e.g. plus its audit record). */
    @FunctionalInterface
    public interface RowChange {

        Uni<Void> apply(Mutiny.Session session, OutboxRow row);
    }

    /** Whether a newer row exists for the same business identifier (then this one is superseded). */
    public Uni<Long> newerRow(Mutiny.Session session, OutboxRow row) {
        return session.createSelectionQuery("select max(pk) from OutboxRow where identifierSystem = :system"
                + " and identifierValue = :value and pk > :pk", Long.class)
                .setParameter("system", row.identifierSystem)
                .setParameter("value", row.identifierValue)
                .setParameter("pk", row.pk)
                .getSingleResultOrNull();
    }

    /** Rows per state, every state present (zero when none). */
    public Uni<Map<OutboxState, Long>> counts() {
        return sessions.withSession(session -> session.createSelectionQuery(
                "select state, count(*) from OutboxRow group by state", Object[].class).getResultList())
                .map(rows -> {
                    Map<OutboxState, Long> counts = new LinkedHashMap<>();
                    for (OutboxState state : OutboxState.values()) {
                        counts.put(state, 0L);
                    }
                    rows.forEach(r -> counts.put(OutboxState.of((String) r[0]), ((Number) r[1]).longValue()));
                    return counts;
                });
    }

    /** When the oldest row still owed to the EHR (pending or sending) was made; empty when none is. */
    public Uni<Optional<OffsetDateTime>> oldestWaiting() {
        return sessions.withSession(session -> session.createNativeQuery(
                "select min(created_at) from outbox where state in ('pending', 'sending')", OffsetDateTime.class)
                .getSingleResultOrNull()).map(Optional::ofNullable);
    }

    public Uni<OutboxRow> find(long pk) {
        return sessions.withSession(session -> session.find(OutboxRow.class, pk));
    }

    /** Newest first. */
    public Uni<List<OutboxRow>> list(List<OutboxState> states, int limit) {
        return sessions.withSession(session -> session.createSelectionQuery(
                "from OutboxRow where state in (:states) order by pk desc", OutboxRow.class)
                .setParameter("states", states.stream().map(OutboxState::code).toList())
                .setMaxResults(limit).getResultList());
    }

    /** Dead rows back to pending, attempts reset; {@code pk} null for all. Answers how many moved. */
    public Uni<Integer> redrive(Long pk) {
        String sql = "update outbox set state = 'pending', attempts = 0, next_attempt_at = now(), lease_until = null,"
                + " last_error = null, updated_at = now() where state = 'dead'" + (pk == null ? "" : " and pk = :pk");
        return sessions.withTransaction(session -> {
            Mutiny.MutationQuery query = session.createNativeQuery(sql);
            if (pk != null) {
                query.setParameter("pk", pk);
            }
            return query.executeUpdate();
        });
    }
}
