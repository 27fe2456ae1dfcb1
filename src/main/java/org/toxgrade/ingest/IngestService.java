package org.toxgrade.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;
import org.toxgrade.audit.AuditTrail;
import org.toxgrade.derivation.DerivationSweeper;
import org.toxgrade.fhir.FhirException;
import org.toxgrade.security.Caller;
import org.toxgrade.security.IdHasher;
import org.toxgrade.security.Permission;

/**
 * Receives what senders push: parse and check on a worker thread, then store in one database
 * transaction on the event loop. A transaction Bundle is one database transaction (all or
 * nothing); a batch Bundle stores each entry in its own, so one bad entry does not cost the others.
 */
@ApplicationScoped
public class IngestService {

    private final Vertx vertx;
    private final Mutiny.SessionFactory sessions;
    private final RequestPreparer preparer;
    private final ResourceStore store;
    private static final Logger LOG = Logger.getLogger(IngestService.class);

    private final MeterRegistry metrics;
    private final IdHasher ids;
    private final AuditTrail audit;
    private final DerivationSweeper derivation;

    public IngestService(Vertx vertx, Mutiny.SessionFactory sessions, RequestPreparer preparer, ResourceStore store,
            MeterRegistry metrics, IdHasher ids, AuditTrail audit, DerivationSweeper derivation) {
        this.derivation = derivation;
        this.ids = ids;
        this.audit = audit;
        this.vertx = vertx;
        this.sessions = sessions;
        this.preparer = preparer;
        this.store = store;
        this.metrics = metrics;
    }

    /** Create (urlId null) or update one resource. */
    public Uni<WriteOutcome> write(Caller caller, String body, String urlType, String urlId) {
        caller.require(urlType, urlId == null ? Permission.C : Permission.U);
        long started = System.nanoTime();
        return vertx.executeBlocking(() -> preparer.single(body, urlType, urlId), false)
                .chain(write -> sessions.withTransaction(session -> storeAndAudit(session, caller, write)))
                .invoke(this::count)
                .call(outcome -> derivation.deriveEach(patients(List.of(outcome))))
                .invoke(outcome -> LOG.infof("Ingest %s by %s: %s in %d ms", outcome.write().source(),
                        caller.clientId(), outcome.kind().name().toLowerCase(), elapsedMs(started)));
    }

    /** A batch or transaction Bundle; the answer has one result per entry, in request order. */
    public Uni<BundleResult> bundle(Caller caller, String body) {
        long started = System.nanoTime();
        return vertx.executeBlocking(() -> preparer.bundle(body, caller), false)
                .chain(plan -> plan.transaction() ? transaction(caller, plan) : batch(caller, plan))
                .call(result -> derivation.deriveEach(patients(result.entries().stream()
                        .map(BundleResult.EntryResult::outcome).filter(Objects::nonNull).toList())))
                .invoke(result -> LOG.infof("Ingest %s by %s: %d entries, %d stored, %d unchanged, %d refused in %d ms",
                        result.transaction() ? "transaction" : "batch", caller.clientId(), result.entries().size(),
                        result.count(WriteOutcome.Kind.CREATED) + result.count(WriteOutcome.Kind.UPDATED),
                        result.count(WriteOutcome.Kind.UNCHANGED), result.refused(), elapsedMs(started)));
    }

    private Uni<BundleResult> transaction(Caller caller, BundlePlan plan) {
        return sessions.withTransaction(session -> Multi.createFrom().iterable(plan.entries())
                // concatMap: one statement at a time, a Hibernate Reactive session is not concurrent.
                .onItem().transformToUniAndConcatenate(entry -> storeAndAudit(session, caller, entry.write()))
                .collect().asList())
                .invoke(outcomes -> outcomes.forEach(this::count))
                .map(outcomes -> BundleResult.transaction(outcomes));
    }

    private Uni<BundleResult> batch(Caller caller, BundlePlan plan) {
        return Multi.createFrom().iterable(plan.entries())
                .onItem().transformToUniAndConcatenate(entry -> {
                    if (entry.error() != null) {
                        return Uni.createFrom().item(BundleResult.EntryResult.refused(entry.error()));
                    }
                    return sessions.withTransaction(session -> storeAndAudit(session, caller, entry.write()))
                            .invoke(this::count)
                            .map(BundleResult.EntryResult::stored)
                            .onFailure(FhirException.class)
                            .recoverWithItem(e -> BundleResult.EntryResult.refused((FhirException) e));
                })
                .collect().asList()
                .map(results -> new BundleResult(false, new ArrayList<>(results)));
    }

    /**
     * The patients whose facts a request changed. Their re-derivation runs after the commit, before
     * the answer, so a sender that reads back sees the results of what it sent; if it fails the
     * patients stay marked and the sweeper derives them.
     */
    private static Set<String> patients(List<WriteOutcome> outcomes) {
        Set<String> patients = new TreeSet<>();
        for (WriteOutcome outcome : outcomes) {
            if (outcome.kind() == WriteOutcome.Kind.CREATED || outcome.kind() == WriteOutcome.Kind.UPDATED) {
                patients.add(outcome.write().facts().patient());
            }
        }
        return patients;
    }

    /** The write and its audit record commit together or not at all. */
    private Uni<WriteOutcome> storeAndAudit(Mutiny.Session session, Caller caller, PreparedWrite write) {
        return store.store(session, write).call(outcome -> audit.record(session, caller,
                write.interaction() == Interaction.CREATE ? AuditTrail.Action.C : AuditTrail.Action.U,
                write.source(), write.type().fhirName(), write.id(), outcome.versionId(), outcome.httpStatus()));
    }

    private static long elapsedMs(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    private void count(WriteOutcome outcome) {
        LOG.debugf("Stored %s version %d (%s)", ids.ref(outcome.write().type().fhirName(), outcome.write().id()),
                outcome.versionId(), outcome.kind().name().toLowerCase());
        metrics.counter("toxgrade.ingest.resources", "type", outcome.write().type().fhirName(),
                "outcome", outcome.kind().name().toLowerCase()).increment();
        // Unknown codes are not errors (a site maps them with its ConceptMap): count them per system.
        outcome.write().facts().unknownCodeCountsBySystem()
                .forEach((system, n) -> metrics.counter("toxgrade.facts.unknown.codes", "system", system).increment(n));
    }

    /** The per-entry results of a Bundle. */
    public record BundleResult(boolean transaction, List<EntryResult> entries) {

        long count(WriteOutcome.Kind kind) {
            return entries.stream().filter(e -> e.outcome() != null && e.outcome().kind() == kind).count();
        }

        long refused() {
            return entries.stream().filter(e -> e.error() != null).count();
        }

        static BundleResult transaction(List<WriteOutcome> outcomes) {
            return new BundleResult(true, outcomes.stream().map(EntryResult::stored).toList());
        }

        public record EntryResult(WriteOutcome outcome, FhirException error) {

            static EntryResult stored(WriteOutcome outcome) {
                return new EntryResult(outcome, null);
            }

            static EntryResult refused(FhirException error) {
                return new EntryResult(null, error);
            }
        }
    }
}
