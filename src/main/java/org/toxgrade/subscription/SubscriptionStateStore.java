package org.toxgrade.subscription;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Tables {@code subscription_source}, {@code subscription_registration} and {@code subscription_topic_events}:
 * what replicas share about receiving from each EHR. Every change is one short statement or transaction; no
 * transaction is held across a request to an EHR.
 */
@ApplicationScoped
public class SubscriptionStateStore {

    private final Mutiny.SessionFactory sessions;

    public SubscriptionStateStore(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    /** One source's row as operators see it. */
    public record SourceState(String source, Instant watermark, Instant lastNotificationAt, String lastNotificationKind,
            long notifications, Instant lastCatchUpAt, String lastCatchUpOutcome, Integer lastCatchUpRead,
            long gapsSeen,
            Instant lastGapAt) {

        static SourceState empty(String source) {
            return new SourceState(source, null, null, null, 0, null, null, null, 0, null);
        }
    }

    /** The last check of one Subscription. */
    public record Registration(String source, String criteria, String subscriptionId, String status, String detail,
            Instant checkedAt, int repairs) {
    }

    private Uni<Void> ensureRow(Mutiny.Session session, String source) {
        return session
                .createNativeQuery("insert into subscription_source (source) values (:source) on conflict do nothing")
                .setParameter("source", source).executeUpdate().replaceWithVoid();
    }

    public Uni<SourceState> source(String source) {
        return sessions.withSession(session -> session.createNativeQuery("""
                select source, watermark, last_notification_at, last_notification_kind, notifications, last_catch_up_at,
                       last_catch_up_outcome, last_catch_up_read, gaps_seen, last_gap_at
                from subscription_source where source = :source""", Object[].class)
                .setParameter("source", source).getResultList()
                .map(rows -> rows.isEmpty() ? SourceState.empty(source) : sourceState(rows.get(0))));
    }

    private static SourceState sourceState(Object[] r) {
        return new SourceState((String) r[0], instant(r[1]), instant(r[2]), (String) r[3], ((Number) r[4]).longValue(),
                instant(r[5]), (String) r[6], r[7] == null ? null : ((Number) r[7]).intValue(),
                ((Number) r[8]).longValue(),
                instant(r[9]));
    }

    public Uni<Void> notificationReceived(String source, String kind) {
        return sessions.withTransaction(session -> ensureRow(session, source).chain(() -> session.createNativeQuery("""
                update subscription_source set last_notification_at = now(), last_notification_kind = :kind,
                       notifications = notifications + 1 where source = :source""")
                .setParameter("source", source).setParameter("kind", kind).executeUpdate())).replaceWithVoid();
    }

    public Uni<Void> gapSeen(String source) {
        return sessions.withTransaction(session -> ensureRow(session, source).chain(() -> session.createNativeQuery(
                "update subscription_source set gaps_seen = gaps_seen + 1, last_gap_at = now() where source = :source")
                .setParameter("source", source).executeUpdate())).replaceWithVoid();
    }

    /**
     * Takes the source's catch-up for {@code lease} unless another run holds it: empty when held elsewhere, else
     * the watermark to start from ({@link Claim#watermark()} null before the first run).
     */
    public Uni<Optional<Claim>> claimCatchUp(String source, Duration lease) {
        return sessions.withTransaction(session -> ensureRow(session, source).chain(() -> session.createNativeQuery("""
                update subscription_source set catch_up_lease_until = now() + make_interval(secs => :seconds)
                where source = :source and (catch_up_lease_until is null or catch_up_lease_until < now())
                returning watermark""", Object.class)
                .setParameter("source", source).setParameter("seconds", (double) lease.toSeconds())
                .getResultList()
                .map(rows -> rows.isEmpty() ? Optional.<Claim>empty() : Optional.of(new Claim(instant(rows.get(0)))))));
    }

    /** A held catch-up: where the last one ended. */
    public record Claim(Instant watermark) {
    }

    /** Ends a catch-up run: the new watermark (null keeps the old one), its outcome, the lease released. */
    public Uni<Void> catchUpDone(String source, Instant watermark, String outcome, int read) {
        return sessions.withTransaction(session -> session.createNativeQuery("""
                update subscription_source set watermark = coalesce(:watermark, watermark), last_catch_up_at = now(),
                       last_catch_up_outcome = :outcome, last_catch_up_read = :read, catch_up_lease_until = null
                where source = :source""")
                .setParameter("source", source)
                .setParameter("watermark",
                        watermark == null ? null : OffsetDateTime.ofInstant(watermark, ZoneOffset.UTC))
                .setParameter("outcome", outcome).setParameter("read", read)
                .executeUpdate()).replaceWithVoid();
    }

    public Uni<Void> registrationChecked(String source, String criteria, String subscriptionId, String status,
            String detail, boolean repaired) {
        return sessions.withTransaction(session -> session
                .createNativeQuery(
                        """
                                insert into subscription_registration (source, criteria, subscription_id, status, detail, checked_at, repairs)
                                values (:source, :criteria, :id, :status, :detail, now(), :repairs)
                                on conflict (source, criteria) do update set subscription_id = coalesce(excluded.subscription_id,
                                       subscription_registration.subscription_id), status = excluded.status, detail = excluded.detail,
                                       checked_at = excluded.checked_at,
                                       repairs = subscription_registration.repairs + excluded.repairs""")
                .setParameter("source", source).setParameter("criteria", criteria).setParameter("id", subscriptionId)
                .setParameter("status", status).setParameter("detail", detail).setParameter("repairs", repaired ? 1 : 0)
                .executeUpdate()).replaceWithVoid();
    }

    public Uni<List<Registration>> registrations(String source) {
        return sessions.withSession(session -> session.createNativeQuery("""
                select source, criteria, subscription_id, status, detail, checked_at, repairs
                from subscription_registration where source = :source order by criteria""", Object[].class)
                .setParameter("source", source).getResultList()
                .map(rows -> rows.stream().map(r -> new Registration((String) r[0], (String) r[1], (String) r[2],
                        (String) r[3], (String) r[4], instant(r[5]), ((Number) r[6]).intValue())).toList()));
    }

    /** The channel secret's generations of a source ({@link ChannelSecrets}). */
    public record SecretState(int generation, Integer previousGeneration, Instant previousUntil, Instant rotatedAt) {

        static final SecretState INITIAL = new SecretState(0, null, null, null);
    }

    public Uni<SecretState> secrets(String source) {
        return sessions.withSession(session -> session.createNativeQuery("""
                select secret_generation, previous_secret_generation, previous_secret_until, secret_rotated_at
                from subscription_source where source = :source""", Object[].class)
                .setParameter("source", source).getResultList()
                .map(rows -> rows.isEmpty() ? SecretState.INITIAL : secretState(rows.get(0))));
    }

    /**
     * Starts a rotation: the next generation becomes current, the current one previous and accepted until
     * {@link #overlapEnds} is called (after the EHR's Subscriptions carry the new one).
     */
    public Uni<SecretState> rotateSecret(String source) {
        return sessions.withTransaction(session -> ensureRow(session, source).chain(() -> session.createNativeQuery("""
                update subscription_source set previous_secret_generation = secret_generation,
                       secret_generation = secret_generation + 1, previous_secret_until = null,
                       secret_rotated_at = now()
                where source = :source
                returning secret_generation, previous_secret_generation, previous_secret_until, secret_rotated_at""",
                Object[].class).setParameter("source", source).getSingleResult()
                .map(SubscriptionStateStore::secretState)));
    }

    /** The previous generation is accepted until {@code until} (the overlap after the Subscriptions were rewritten). */
    public Uni<Void> overlapEnds(String source, int generation, Instant until) {
        return sessions.withTransaction(session -> session.createNativeQuery("""
                update subscription_source set previous_secret_until = :until
                where source = :source and secret_generation = :generation and previous_secret_until is null""")
                .setParameter("source", source).setParameter("generation", generation)
                .setParameter("until", OffsetDateTime.ofInstant(until, ZoneOffset.UTC)).executeUpdate())
                .replaceWithVoid();
    }

    /** Starts the rotation clock of a source whose secret was never rotated (its age is not known). */
    public Uni<Void> secretSeen(String source) {
        return sessions.withTransaction(session -> ensureRow(session, source).chain(() -> session.createNativeQuery(
                "update subscription_source set secret_rotated_at = now() where source = :source"
                        + " and secret_rotated_at is null")
                .setParameter("source", source).executeUpdate())).replaceWithVoid();
    }

    private static SecretState secretState(Object[] r) {
        return new SecretState(((Number) r[0]).intValue(), r[1] == null ? null : ((Number) r[1]).intValue(),
                r[2] == null ? null : instant(r[2]), r[3] == null ? null : instant(r[3]));
    }

    /**
     * Records the event count of a topic-based notification and answers the count seen before (-1 when this
     * Subscription was never heard of). A handshake resets the count ({@code reset}).
     */
    public Uni<Long> topicEvents(String source, String subscription, long eventsSinceStart, boolean reset) {
        return sessions.withTransaction(session -> session
                .createNativeQuery(
                        """
                                select events_seen from subscription_topic_events where source = :source and subscription = :subscription
                                for update""",
                        Object.class)
                .setParameter("source", source).setParameter("subscription", subscription).getResultList()
                .chain(rows -> {
                    long before = rows.isEmpty() ? -1 : ((Number) rows.get(0)).longValue();
                    long after = reset ? eventsSinceStart : Math.max(before, eventsSinceStart);
                    return session.createNativeQuery("""
                            insert into subscription_topic_events (source, subscription, events_seen, updated_at)
                            values (:source, :subscription, :seen, now())
                            on conflict (source, subscription) do update set events_seen = excluded.events_seen,
                                   updated_at = excluded.updated_at""")
                            .setParameter("source", source).setParameter("subscription", subscription)
                            .setParameter("seen", after).executeUpdate().replaceWith(before);
                }));
    }

    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof ZonedDateTime z) {
            return z.toInstant();
        }
        if (value instanceof LocalDateTime l) {
            return l.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof Date d) {
            return d.toInstant();
        }
        throw new IllegalStateException(
                SubscriptionError.UNEXPECTED_TIMESTAMP_TYPE.message(value.getClass().getName()));
    }
}
