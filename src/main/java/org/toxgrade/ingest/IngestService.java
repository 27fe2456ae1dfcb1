package org.toxgrade.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.toxgrade.derivation.DecodedFactsCache;
import org.toxgrade.derivation.DerivationSweeper;
import org.toxgrade.fhir.FhirException;
import org.toxgrade.security.Caller;
import org.toxgrade.security.IdHasher;
import org.toxgrade.security.Permission;

/**
 * Receives what senders push: parse and check on a worker thread, then store the whole request in
 * one database transaction on the event loop ({@link RequestWriter}). A transaction Bundle is all
 * or nothing; in a batch Bundle an entry refused on its own (invalid, or a sender version whose
 * content changed) is answered with its refusal and the others are stored. Either way the commit
 * is one: if the database fails, nothing of the request is stored and every entry is answered
 * 503, never "stored" for an entry that is not. A write that meets a concurrent one on the same
 * patients or resources (deadlock, serialization failure, the same new resource created twice) is
 * retried inside the service, and answered 503 with Retry-After only when it still fails.
 */
@ApplicationScoped
public class IngestService {

    private static final Logger LOG = Logger.getLogger(IngestService.class);

    private final Vertx vertx;
    private final Pool pool;
    private final RequestPreparer preparer;
    private final RequestWriter writer;
    private final WriteRetries retries;
    private final MeterRegistry metrics;
    private final IdHasher ids;
    private final DerivationSweeper derivation;
    private final DecodedFactsCache decoded;

    public IngestService(Vertx vertx, Pool pool, RequestPreparer preparer, RequestWriter writer,
            WriteRetries retries, MeterRegistry metrics, IdHasher ids, DerivationSweeper derivation,
            DecodedFactsCache decoded) {
        this.decoded = decoded;
        this.vertx = vertx;
        this.pool = pool;
        this.preparer = preparer;
        this.writer = writer;
        this.retries = retries;
        this.metrics = metrics;
        this.ids = ids;
        this.derivation = derivation;
    }

    /** Create (urlId null) or update one resource. */
    public Uni<WriteOutcome> write(Caller caller, String body, String urlType, String urlId) {
        return write(caller, body, urlType, urlId, Precondition.NONE, false);
    }

    /**
     * Create or update one resource under a condition ({@code If-Match}, {@code If-None-Exist}); with
     * {@code strict}, elements R4 does not define refuse it.
     */
    public Uni<WriteOutcome> write(Caller caller, String body, String urlType, String urlId,
            Precondition condition, boolean strict) {
        caller.require(urlType, urlId == null ? Permission.C : Permission.U);
        return store(caller, vertx.executeBlocking(() -> preparer.single(body, urlType, urlId, strict).when(condition),
                false));
    }

    /**
     * {@code PUT [type]?identifier=system|value}: updates the one resource that carries the identifier,
     * creates one when none does (with the body's id, or one of the server's), refuses with 412 when
     * several do. Which resources carry it is read again in the write's transaction: a change in between
     * is a 412 too, never a write to the wrong resource.
     */
    public Uni<WriteOutcome> conditionalUpdate(Caller caller, String body, String urlType,
            Precondition.Identifier identifier, boolean strict) {
        caller.require(urlType, Permission.U);
        caller.require(urlType, Permission.C);
        IngestibleType type = IngestibleType.of(urlType)
                .orElseThrow(() -> IngestError.TYPE_NOT_WRITABLE.refuseAt("resourceType", urlType,
                        IngestibleType.names()));
        return pool.withConnection(connection -> writer.carriers(connection, type.fhirName(), identifier))
                .chain(carriers -> {
                    if (carriers.size() > 1) {
                        return Uni.createFrom().failure(
                                IngestError.CONDITION_MULTIPLE_MATCHES.refuse("conditional update", urlType));
                    }
                    String id = carriers.isEmpty() ? null : carriers.get(0);
                    return store(caller,
                            vertx.executeBlocking(() -> preparer.conditionalUpdate(body, urlType, id, strict)
                                    .when(Precondition.identifierStill(identifier, java.util.Set.copyOf(carriers))),
                                    false));
                });
    }

    private Uni<WriteOutcome> store(Caller caller, Uni<PreparedWrite> prepared) {
        long started = System.nanoTime();
        return prepared
                .chain(write -> store(caller, List.of(write), true))
                .map(stored -> stored.decisions().get(0).outcome())
                .invoke(this::count)
                .invoke(outcome -> LOG.infof("Ingest %s by %s: %s in %d ms", outcome.write().source(),
                        caller.clientId(), outcome.kind().name().toLowerCase(), elapsedMs(started)));
    }

    /** A batch or transaction Bundle; the answer has one result per entry, in request order. */
    public Uni<BundleResult> bundle(Caller caller, String body) {
        return bundle(caller, body, false);
    }

    /** As above; with {@code strict}, an element R4 does not define anywhere in the Bundle refuses it. */
    public Uni<BundleResult> bundle(Caller caller, String body, boolean strict) {
        long started = System.nanoTime();
        return vertx.executeBlocking(() -> {
            RequestPreparer.BundleDraft draft = preparer.draft(body, caller, strict);
            // Most Bundles have no conditional entry: planned in the same hop to the worker thread.
            return new Drafted(draft, draft.lookups().isEmpty() ? preparer.plan(draft, Map.of()) : null);
        }, false)
                .chain(drafted -> drafted.plan() != null
                        ? Uni.createFrom().item(drafted.plan())
                        : planned(drafted.draft()))
                .chain(plan -> plan.transaction() ? transaction(caller, plan) : batch(caller, plan))
                .invoke(result -> LOG.infof("Ingest %s by %s: %d entries, %d stored, %d unchanged, %d refused in %d ms",
                        result.transaction() ? "transaction" : "batch", caller.clientId(), result.entries().size(),
                        result.count(WriteOutcome.Kind.CREATED) + result.count(WriteOutcome.Kind.UPDATED),
                        result.count(WriteOutcome.Kind.UNCHANGED), result.refused(), elapsedMs(started)));
    }

    /**
     * A Bundle with conditional entries planned after their identifier searches (one connection, outside
     * the write's transaction, which reads them again under a lock).
     */
    private Uni<BundlePlan> planned(RequestPreparer.BundleDraft draft) {
        Map<Integer, RequestPreparer.Lookup> lookups = draft.lookups();
        Map<Integer, List<String>> found = new java.util.TreeMap<>();
        return pool.withConnection(connection -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Map.Entry<Integer, RequestPreparer.Lookup> lookup : lookups.entrySet()) {
                chain = chain.chain(() -> writer.carriers(connection, lookup.getValue().type(),
                        lookup.getValue().identifier()))
                        .invoke(ids -> found.put(lookup.getKey(), ids)).replaceWithVoid();
            }
            return chain;
        }).chain(() -> vertx.executeBlocking(() -> preparer.plan(draft, found), false));
    }

    private Uni<BundleResult> transaction(Caller caller, BundlePlan plan) {
        return store(caller, plan.entries().stream().map(BundlePlan.Entry::write).toList(), true)
                .map(stored -> stored.decisions().stream().map(WritePlanner.Decision::outcome).toList())
                .invoke(outcomes -> outcomes.forEach(this::count))
                .map(BundleResult::transaction);
    }

    /** Entries refused on their own keep their refusal; all the others are stored in one transaction. */
    private Uni<BundleResult> batch(Caller caller, BundlePlan plan) {
        List<PreparedWrite> writes = plan.entries().stream().filter(e -> e.error() == null)
                .map(BundlePlan.Entry::write).toList();
        Uni<List<WritePlanner.Decision>> stored = writes.isEmpty()
                ? Uni.createFrom().item(List.of())
                : store(caller, writes, false).map(RequestWriter.Stored::decisions);
        return stored.map(decisions -> {
            List<BundleResult.EntryResult> results = new ArrayList<>(plan.entries().size());
            int next = 0;
            for (BundlePlan.Entry entry : plan.entries()) {
                if (entry.error() != null) {
                    results.add(BundleResult.EntryResult.refused(entry.error()));
                    continue;
                }
                WritePlanner.Decision d = decisions.get(next++);
                if (d.error() != null) {
                    results.add(BundleResult.EntryResult.refused(d.error()));
                } else {
                    count(d.outcome());
                    results.add(BundleResult.EntryResult.stored(d.outcome()));
                }
            }
            return new BundleResult(false, results);
        });
    }

    /**
     * Stores in one transaction (retried on a concurrent write), brings the decoded facts in memory
     * up to date, then re-derives every patient whose facts the request changed (a corrected
     * record's former patient too). The derivation runs after the commit, before the answer, so a
     * sender that reads back sees the results of what it sent; if it fails the patients stay marked
     * and the sweeper derives them.
     */
    private Uni<RequestWriter.Stored> store(Caller caller, List<PreparedWrite> writes, boolean allOrNothing) {
        return committed(caller, writes, allOrNothing)
                .call(stored -> derivation.deriveEach(stored.changedPatients().keySet()));
    }

    /** The write in one transaction (retried on a concurrent write), then the decoded facts in memory updated. */
    private Uni<RequestWriter.Stored> committed(Caller caller, List<PreparedWrite> writes, boolean allOrNothing) {
        return retries.run(() -> pool.withTransaction(connection -> writer.store(connection, caller, writes,
                allOrNothing)))
                .invoke(stored -> stored.changedPatients().forEach((patient, version) -> decoded.applied(patient,
                        version, stored.changes().getOrDefault(patient, Map.of()))));
    }

    /**
     * Stores part of a bulk import like a batch (one transaction, each refused write its own
     * answer) but derives nothing: the import derives each patient once at its end. The patients
     * stay marked meanwhile, so if the service stops mid-import the sweeper derives them.
     */
    public Uni<RequestWriter.Stored> storeWithoutDeriving(Caller caller, List<PreparedWrite> writes) {
        return committed(caller, writes, false)
                .invoke(stored -> stored.decisions().stream().filter(d -> d.error() == null)
                        .forEach(d -> count(d.outcome())));
    }

    /** Derives each patient once (after a bulk import). */
    public Uni<Void> derive(Collection<String> patients) {
        return derivation.deriveEach(patients);
    }

    private static long elapsedMs(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    private void count(WriteOutcome outcome) {
        if (LOG.isDebugEnabled()) {
            // Guarded: the hashed reference is an HMAC per entry, not worth computing unlogged.
            LOG.debugf("Stored %s version %d (%s)", ids.ref(outcome.write().type().fhirName(), outcome.write().id()),
                    outcome.versionId(), outcome.kind().name().toLowerCase());
        }
        metrics.counter("toxgrade.ingest.resources", "type", outcome.write().type().fhirName(),
                "outcome", outcome.kind().name().toLowerCase()).increment();
        // Unknown codes are not errors (a site maps them with its ConceptMap): count them per system.
        outcome.write().facts().unknownCodeCountsBySystem()
                .forEach((system, n) -> metrics.counter("toxgrade.facts.unknown.codes", "system", system).increment(n));
    }

    private record Drafted(RequestPreparer.BundleDraft draft, BundlePlan plan) {
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
