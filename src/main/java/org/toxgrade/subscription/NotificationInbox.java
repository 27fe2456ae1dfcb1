package org.toxgrade.subscription;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Table {@code notification_inbox}: notifications as received, until processed. Receiving is one insert, so an
 * EHR is answered in milliseconds whatever the load; the {@link InboxWorker} processes entries in the background.
 * Entries are claimed with a lease ({@code for update skip locked}), so replicas share the inbox and an entry whose
 * replica stopped mid-way is taken again.
 */
@ApplicationScoped
public class NotificationInbox {

    private static final String COLUMNS = "id, source, method, resource_type, resource_id, body, received_at, state,"
            + " attempts, processed_at, outcome_code, outcome";

    private final Mutiny.SessionFactory sessions;

    public NotificationInbox(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    /** One notification; {@code body} is null once processed. */
    public record Entry(long id, String source, String method, String resourceType, String resourceId, String body,
            Instant receivedAt, String state, int attempts, Instant processedAt, String outcomeCode, String outcome) {
    }

    /** Stores a notification as received; its entry id. */
    public Uni<Long> receive(String source, String method, String type, String id, String body) {
        return sessions.withTransaction(session -> session.createNativeQuery("""
                insert into notification_inbox (source, method, resource_type, resource_id, body)
                values (:source, :method, :type, :id, :body) returning id""", Long.class)
                .setParameter("source", source).setParameter("method", method).setParameter("type", type)
                .setParameter("id", id).setParameter("body", body == null ? "" : body).getSingleResult());
    }

    /**
     * Up to {@code limit} waiting entries, oldest first, each held for {@code lease} and its attempt counted. A
     * claim that lapsed (the replica stopped) makes the entry waiting again.
     */
    public Uni<List<Entry>> claim(int limit, Duration lease) {
        return sessions.withTransaction(session -> session.createNativeQuery("""
                update notification_inbox i set claimed_until = now() + make_interval(secs => :lease),
                       attempts = i.attempts + 1
                where i.id in (select w.id from notification_inbox w
                               where w.state = 'received' and w.next_attempt_at <= now()
                                 and (w.claimed_until is null or w.claimed_until < now())
                               order by w.id limit :limit
                               for update skip locked)
                returning %s""".formatted(COLUMNS), Object[].class)
                .setParameter("lease", lease.toMillis() / 1000.0).setParameter("limit", limit).getResultList()
                .map(rows -> rows.stream().map(NotificationInbox::entry)
                        .sorted((a, b) -> Long.compare(a.id(), b.id())).toList()));
    }

    /** Processed: the outcome kept (for a while, for operators), the body dropped. */
    public Uni<Void> processed(long id, String code, String outcome) {
        return finish(id, "processed", code, outcome, true);
    }

    /** Its content cannot be taken: kept with its body, for operators, never retried. */
    public Uni<Void> refused(long id, String code, String outcome) {
        return finish(id, "refused", code, outcome, false);
    }

    /** Out of attempts on a passing failure: kept with its body, like a refusal. */
    public Uni<Void> failed(long id, String code, String outcome) {
        return finish(id, "failed", code, outcome, false);
    }

    /** A passing failure (the database or the EHR): waiting again from {@code next}. */
    public Uni<Void> retryAt(long id, Instant next, String code, String outcome) {
        return sessions.withTransaction(session -> session.createNativeQuery("""
                update notification_inbox set claimed_until = null, next_attempt_at = :next,
                       outcome_code = :code, outcome = :outcome
                where id = :id""").setParameter("id", id).setParameter("code", code)
                .setParameter("outcome", outcome).setParameter("next", OffsetDateTime.ofInstant(next, ZoneOffset.UTC))
                .executeUpdate()).replaceWithVoid();
    }

    private Uni<Void> finish(long id, String state, String code, String outcome, boolean dropBody) {
        return sessions.withTransaction(session -> session.createNativeQuery("""
                update notification_inbox set state = :state, processed_at = now(), claimed_until = null,
                       outcome_code = :code, outcome = :outcome%s
                where id = :id""".formatted(dropBody ? ", body = null" : "")).setParameter("id", id)
                .setParameter("state", state).setParameter("code", code).setParameter("outcome", outcome)
                .executeUpdate()).replaceWithVoid();
    }

    public Uni<Optional<Entry>> entry(long id) {
        return sessions.withSession(session -> session.createNativeQuery(
                "select " + COLUMNS + " from notification_inbox where id = :id", Object[].class)
                .setParameter("id", id).getResultList()
                .map(rows -> rows.stream().findFirst().map(NotificationInbox::entry)));
    }

    /** The latest refused and failed entries, newest first (of one source, or all when {@code source} is null). */
    public Uni<List<Entry>> refusals(String source, int limit) {
        return sessions.withSession(session -> session.createNativeQuery("select " + COLUMNS + """
                 from notification_inbox
                where state in ('refused', 'failed') and (cast(:source as text) is null or source = :source)
                order by received_at desc, id desc limit :limit""", Object[].class)
                .setParameter("source", source).setParameter("limit", limit).getResultList()
                .map(rows -> rows.stream().map(NotificationInbox::entry).toList()));
    }

    /** Per state, how many entries (waiting ones by source too): for the status view and the gauges. */
    public record Counts(long waiting, long refused, long failed, Instant oldestWaiting) {
    }

    public Uni<Counts> counts(String source) {
        return sessions.withSession(session -> session.createNativeQuery("""
                select count(*) filter (where state = 'received'), count(*) filter (where state = 'refused'),
                       count(*) filter (where state = 'failed'), min(received_at) filter (where state = 'received')
                from notification_inbox where source = :source""", Object[].class)
                .setParameter("source", source).getSingleResult()
                .map(row -> new Counts(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                        ((Number) row[2]).longValue(), row[3] == null
                                ? null
                                : SubscriptionStateStore.instant(
                                        row[3]))));
    }

    /** Forgets processed entries older than {@code processed} and refusals older than {@code refused}. */
    public Uni<Integer> purge(Duration processed, Duration refused) {
        return sessions.withTransaction(session -> session.createNativeQuery("""
                delete from notification_inbox
                where (state = 'processed' and processed_at < now() - make_interval(secs => :processed))
                   or (state in ('refused', 'failed') and processed_at < now() - make_interval(secs => :refused))""")
                .setParameter("processed", (double) processed.toSeconds())
                .setParameter("refused", (double) refused.toSeconds()).executeUpdate());
    }

    private static Entry entry(Object[] row) {
        return new Entry(((Number) row[0]).longValue(), (String) row[1], (String) row[2], (String) row[3],
                (String) row[4], (String) row[5], SubscriptionStateStore.instant(row[6]), (String) row[7],
                ((Number) row[8]).intValue(), row[9] == null ? null : SubscriptionStateStore.instant(row[9]),
                (String) row[10], (String) row[11]);
    }
}
