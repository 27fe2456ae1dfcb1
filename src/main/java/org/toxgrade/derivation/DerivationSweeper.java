package org.toxgrade.derivation;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

/**
 * Re-derives patients whose derivation is owed: facts changed but the derivation after the write
 * failed or never ran (a crash, a restart, another replica), and patients with an open episode
 * whose results depend on the passing of time (resolution after the quiet period, flag periods),
 * up to the end of its neurological surveillance (a late neurotoxicity flag ends by silence after
 * the grading window has closed; the stored window end is the grading window's, so the
 * surveillance is bounded from the infusion).
 * Any number of replicas may sweep: each derivation takes the patient's lock.
 */
@ApplicationScoped
public class DerivationSweeper {

    private static final Logger LOG = Logger.getLogger(DerivationSweeper.class);

    private final Mutiny.SessionFactory sessions;
    private final DerivationCoalescer derivation;
    private final DerivationSettings settings;
    private final EpisodeSettings episodes;
    private final DerivationMetrics metrics;

    public DerivationSweeper(Mutiny.SessionFactory sessions, DerivationCoalescer derivation,
            DerivationSettings settings, EpisodeSettings episodes, DerivationMetrics metrics) {
        this.metrics = metrics;
        this.sessions = sessions;
        this.derivation = derivation;
        this.settings = settings;
        this.episodes = episodes;
    }

    @Scheduled(every = "${toxgrade.derivation.sweep-interval:10s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return sessions.withSession(session -> session.createNativeQuery("""
                select p.patient_ref from patient_state p
                where p.needs_derivation
                   or (p.derived_at < :refreshBefore and exists (
                         select 1 from episode_state e
                         where e.patient_ref = p.patient_ref
                           and (e.window_end > :now or e.infusion_at > :surveillanceFrom)))
                order by p.facts_changed_at
                limit :limit
                """, String.class)
                .setParameter("refreshBefore", now.minus(settings.refreshInterval()))
                .setParameter("now", now)
                // One day more than the surveillance: its end is the end of an episode day in the facility zone.
                .setParameter("surveillanceFrom", now.minusDays(episodes.neuroSurveillanceDays() + 1L))
                .setParameter("limit", settings.sweepBatchSize())
                .getResultList())
                // A patient the request path is deriving here is left to it: its run covers the
                // owed derivation, and a sweep waiting on its lock would only repeat it.
                .map(patients -> patients.stream().filter(p -> !derivation.inFlight(p)).toList())
                .chain(this::deriveEach)
                .chain(this::countBacklog)
                .onFailure().recoverWithUni(e -> {
                    LOG.warnf("Derivation sweep failed (%s); the next sweep retries", e.getClass().getName());
                    return Uni.createFrom().voidItem();
                });
    }

    /** Patients still marked after the sweep: the backlog gauge. */
    private Uni<Void> countBacklog() {
        return sessions.withSession(session -> session.createNativeQuery(
                "select count(*) from patient_state where needs_derivation", Long.class).getSingleResult())
                .invoke(marked -> metrics.backlog(marked)).replaceWithVoid();
    }

    /**
     * Derives each patient in turn (coalesced with derivations of the same patient already under
     * way); one failure leaves that patient marked and moves on.
     */
    public Uni<Void> deriveEach(Collection<String> patients) {
        return Multi.createFrom().iterable(List.copyOf(patients))
                .onItem().transformToUniAndConcatenate(patient -> derivation.derive(patient)
                        .replaceWithVoid()
                        .onFailure().recoverWithUni(e -> {
                            LOG.warnf("Derivation failed (%s); the patient stays marked for the sweeper",
                                    e.getClass().getName());
                            return Uni.createFrom().voidItem();
                        }))
                .collect().last()
                .replaceWithVoid();
    }
}
