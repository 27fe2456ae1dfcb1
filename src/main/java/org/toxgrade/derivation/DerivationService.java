package org.toxgrade.derivation;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;
import org.toxgrade.patient.DerivedStateStore;
import org.toxgrade.patient.FactStore;
import org.toxgrade.patient.PatientLocks;
import org.toxgrade.publish.OutboxDispatcher;
import org.toxgrade.security.IdHasher;

/**
 * Re-derives one patient: under the patient's lock, load the stored facts and results, grade and
 * flag off the event loop, store what changed and clear the patient's "needs derivation" mark, all
 * in one transaction. If anything fails the mark stays and the sweeper tries again: a change of
 * facts is never lost on the way to a result.
 */
@ApplicationScoped
public class DerivationService {

    private static final Logger LOG = Logger.getLogger(DerivationService.class);

    private final Mutiny.SessionFactory sessions;
    private final Vertx vertx;
    private final PatientLocks locks;
    private final FactStore facts;
    private final DerivedStateStore store;
    private final DerivationComputer computer;
    private final IdHasher ids;
    private final OutboxDispatcher dispatcher;
    private final DecodedFactsCache cache;
    private final DerivationMetrics metrics;

    public DerivationService(OutboxDispatcher dispatcher, Mutiny.SessionFactory sessions, Vertx vertx,
            PatientLocks locks, FactStore facts,
            DerivedStateStore store, DerivationComputer computer, IdHasher ids, DecodedFactsCache cache,
            DerivationMetrics metrics) {
        this.cache = cache;
        this.metrics = metrics;
        this.sessions = sessions;
        this.vertx = vertx;
        this.locks = locks;
        this.facts = facts;
        this.store = store;
        this.computer = computer;
        this.ids = ids;
        this.dispatcher = dispatcher;
    }

    /**
     * The patient's facts at {@code version}, from memory when held for that version, else read
     * as plain rows and decoded off the event loop (and kept for the next derivation). Called
     * under the patient's lock, so no write changes them meanwhile.
     */
    private Uni<List<Object>> decoded(Mutiny.Session session, String patient, long version) {
        Optional<List<Object>> held = cache.get(patient, version);
        if (held.isPresent()) {
            return Uni.createFrom().item(held.get());
        }
        return facts.read(session, patient)
                .chain(rows -> vertx.executeBlocking(() -> cache.put(patient, version, facts.decodeBySource(rows)),
                        false));
    }

    /** The changes it made; empty when nothing changed or the patient is unknown. */
    @WithSpan("toxgrade.derivation")
    public Uni<List<DerivedStateStore.Change>> derive(String patient) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        long started = System.nanoTime();
        return sessions.withTransaction(session -> locks.lockForDerivation(session, patient).chain(state -> {
            if (state == null) {
                return Uni.createFrom().item(List.<DerivedStateStore.Change>of());
            }
            return decoded(session, patient, state.factsVersion).chain(all -> store.existing(session, patient)
                    .chain(existing -> store.published(session, patient)
                            .chain(published -> vertx.executeBlocking(() -> computer.compute(patient,
                                    FactStore.patientFacts(state.birthDate, all), existing, published, now),
                                    false))
                            .chain(derived -> store.apply(session, patient, derived, existing, now)))
                    .invoke(changes -> {
                        state.needsDerivation = false;
                        state.derivedAt = now;
                    }));
        })).invoke(changes -> {
            if (!changes.isEmpty()) {
                dispatcher.trigger();
            }
        }).invoke(changes -> LOG.debugf("Derived %s: %d results changed in %d ms", ids.ref("Patient", patient),
                changes.size(), (System.nanoTime() - started) / 1_000_000))
                .onItemOrFailure().invoke((changes, failure) -> metrics.derived(started, failure != null));
    }
}
