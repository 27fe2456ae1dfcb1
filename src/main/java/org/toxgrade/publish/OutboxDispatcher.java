package org.toxgrade.publish;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;
import org.toxgrade.audit.AuditTrail;
import org.toxgrade.ehr.EhrClient;
import org.toxgrade.fhir.validation.OutboundValidator;
import org.toxgrade.security.Caller;
import org.toxgrade.security.GrantedScopes;
import org.toxgrade.security.IdHasher;

/**
 * Delivers the outbox to the EHR: claims due rows ({@link OutboxStore#claimSql}), validates them in
 * one batch off the event loop, then delivers them one after the other ({@link Delivery}) and
 * records each outcome, with its audit record, in a transaction of its own.
 *
 * <p>Runs on a schedule and on {@link #trigger()}; runs of one process never overlap (a trigger
 * during a run causes one more run after it), and replicas share rows through the row locks.
 * With no EHR configured, or while the circuit is open, nothing is claimed and rows wait.
 */
@ApplicationScoped
public class OutboxDispatcher {

    /** Who the audit trail names for write-backs. */
    public static final Caller SERVICE = new Caller("toxgrade-writeback", GrantedScopes.parse(""), false);
    private static final Logger LOG = Logger.getLogger(OutboxDispatcher.class);

    private final Vertx vertx;
    private final OutboxStore store;
    private final Delivery delivery;
    private final EhrClient ehr;
    private final OutboundValidator validator;
    private final OutboxSettings config;
    private final RetryPolicy retry;
    private final OutboxMetrics metrics;
    private final AuditTrail audit;
    private final IdHasher ids;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    OutboxDispatcher(Vertx vertx, OutboxStore store, Delivery delivery, EhrClient ehr, OutboundValidator validator,
            OutboxSettings config, OutboxMetrics metrics, AuditTrail audit, IdHasher ids) {
        this.vertx = vertx;
        this.store = store;
        this.delivery = delivery;
        this.ehr = ehr;
        this.validator = validator;
        this.config = config;
        this.retry = RetryPolicy.of(config.retry());
        this.metrics = metrics;
        this.audit = audit;
        this.ids = ids;
    }

    void announce(@Observes StartupEvent event) {
        if (!ehr.enabled()) {
            LOG.warn(OutboxError.WRITE_BACK_OFF.message());
            return;
        }
        LOG.infof("Write-back to the EHR at %s is on: every %s, batches of %d, at most %d attempts",
                ehr.describe(), config.dispatchInterval(), config.batchSize(), config.retry().maxAttempts());
        validator.prepare();
        // Rows are claimed only once the validator is warm: until then another replica, already warm, delivers
        // them (a claim would hold them "sending" for the whole warm-up, 6 to 53 s after a start, #19 defect 4).
        validator.whenReady(this::trigger);
    }

    @Scheduled(identity = "toxgrade-outbox-dispatch", every = "${toxgrade.outbox.dispatch-interval:5s}",
            delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return run();
    }

    /** Asks for a run now (e.g. after a transaction that enqueued has committed); returns at once. */
    public void trigger() {
        // Always a fresh duplicated context: called from a request's context, "get or create" would hand
        // back that very context, and the run's Hibernate Reactive session would share it with the
        // caller's next database step.
        Context context = VertxContext
                .createNewDuplicatedContext(vertx.getDelegate().getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> run().subscribe().with(done -> {
        }, failure -> LOG.error(OutboxError.RUN_FAILED.message(failure.getClass().getName()))));
    }

    /** One run (or nothing, if a run is under way: that run is then followed by another). */
    @WithSpan("toxgrade.write-back")
    public Uni<Void> run() {
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return Uni.createFrom().voidItem();
        }
        return dispatch()
                .onFailure().invoke(failure -> LOG.error(OutboxError.RUN_FAILED.message(failure.getClass().getName())))
                .onFailure().recoverWithNull()
                .eventually(() -> {
                    running.set(false);
                    if (again.getAndSet(false)) {
                        trigger();
                    }
                })
                .replaceWithVoid();
    }

    private Uni<Void> dispatch() {
        Uni<Void> gauges = store.counts().invoke(metrics::rows)
                .chain(store::oldestWaiting).invoke(metrics::oldestWaiting).replaceWithVoid();
        if (!ehr.enabled() || !ehr.breaker().mayAttempt() || !validator.isReady()) {
            return gauges;
        }
        return gauges.chain(() -> store.claim(config.batchSize(), config.lease())).chain(rows -> {
            if (rows.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            if (rows.size() >= config.batchSize()) {
                again.set(true);
            }
            return process(rows);
        });
    }

    private Uni<Void> process(List<OutboxRow> rows) {
        return vertx.executeBlocking(() -> validate(rows), false).chain(issues -> Multi.createFrom().iterable(rows)
                // One at a time: rows of a run share one EHR and one circuit; order is kept.
                .onItem().transformToUniAndConcatenate(row -> {
                    List<OutboundValidator.Issue> problems = issues.get(row.pk);
                    if (!problems.isEmpty()) {
                        return invalid(row, problems);
                    }
                    return store.lastWritten(row)
                            .chain(last -> delivery.deliver(row, last))
                            .chain(outcome -> record(row, outcome));
                })
                .collect().last().replaceWithVoid());
    }

    /** Validation issues per row (empty when valid): resource and Provenance as they would be sent. */
    private Map<Long, List<OutboundValidator.Issue>> validate(List<OutboxRow> rows) {
        long started = System.nanoTime();
        List<OutboundValidator.Entry> entries = new ArrayList<>();
        Map<Long, List<OutboundValidator.Issue>> issues = new HashMap<>();
        List<OutboxRow> prepared = new ArrayList<>();
        for (OutboxRow row : rows) {
            try {
                WriteBackBundle.Prepared p = WriteBackBundle.prepare(row);
                entries.add(new OutboundValidator.Entry(p.resourceUrl(), p.resource().toString()));
                entries.add(new OutboundValidator.Entry("urn:uuid:" + UUID.randomUUID(),
                        p.provenance().toString()));
                prepared.add(row);
            } catch (RuntimeException e) {
                issues.put(row.pk,
                        List.of(new OutboundValidator.Issue(row.resourceType, OutboxError.NOT_PREPARED.message())));
            }
        }
        if (!entries.isEmpty()) {
            List<List<OutboundValidator.Issue>> results = validator.validate(entries);
            for (int i = 0; i < prepared.size(); i++) {
                List<OutboundValidator.Issue> both = new ArrayList<>(results.get(2 * i));
                both.addAll(results.get(2 * i + 1));
                issues.put(prepared.get(i).pk, both);
            }
        }
        metrics.validation(System.nanoTime() - started, entries.size());
        LOG.debugf("Validated %d outbound resources in %d ms", entries.size(),
                (System.nanoTime() - started) / 1_000_000);
        return issues;
    }

    private Uni<Void> invalid(OutboxRow claimed, List<OutboundValidator.Issue> problems) {
        String summary = problems.stream().limit(5).map(Object::toString).collect(Collectors.joining("; "));
        String error = truncate(OutboxError.INVALID.message(problems.size(), summary));
        return store.update(claimed.pk, (session, row) -> {
            row.state = OutboxState.INVALID.code();
            row.lastError = error;
            row.lastStatus = null;
            row.leaseUntil = null;
            row.updatedAt = Outbox.now();
            return record(session, row, AuditTrail.Action.U, 422);
        }).invoke(row -> {
            metrics.invalid(row.resourceType);
            LOG.warnf("Write-back %s (outbox %d): not sent, %d validation error(s), first at %s", ref(row), row.pk,
                    problems.size(), problems.get(0));
        }).replaceWithVoid();
    }

    private Uni<Void> record(OutboxRow claimed, DeliveryOutcome outcome) {
        return store.update(claimed.pk, (session, row) -> {
            row.leaseUntil = null;
            row.updatedAt = Outbox.now();
            if (outcome instanceof DeliveryOutcome.Released released) {
                row.state = OutboxState.PENDING.code();
                return Uni.createFrom().voidItem();
            }
            row.attempts++;
            if (outcome instanceof DeliveryOutcome.Sent sent) {
                row.state = OutboxState.SENT.code();
                row.sentAt = row.updatedAt;
                row.ehrResourceId = sent.ehrId();
                row.ehrVersionId = sent.versionId();
                row.lastStatus = sent.status();
                row.lastError = null;
                return record(session, row, sent.status() == 201 ? AuditTrail.Action.C : AuditTrail.Action.U,
                        sent.status());
            }
            if (outcome instanceof DeliveryOutcome.KeptByClinician kept) {
                row.state = OutboxState.SUPERSEDED_BY_CLINICIAN.code();
                row.ehrResourceId = kept.ehrId();
                row.ehrVersionId = kept.versionId();
                row.lastStatus = null;
                row.lastError = truncate(OutboxError.KEPT_BY_CLINICIAN.message(kept.decision()));
                return record(session, row, AuditTrail.Action.U, 409);
            }
            DeliveryOutcome.Failed failed = (DeliveryOutcome.Failed) outcome;
            row.lastStatus = failed.status();
            row.lastError = truncate(failed.error());
            return store.newerRow(session, row).chain(newer -> {
                if (newer != null) {
                    row.state = OutboxState.SUPERSEDED.code();
                    row.supersededBy = newer;
                } else if (failed.permanent() || retry.exhausted(row.attempts)) {
                    row.state = OutboxState.DEAD.code();
                } else {
                    row.state = OutboxState.PENDING.code();
                    row.nextAttemptAt = row.updatedAt
                            .plus(retry.delay(row.attempts, ThreadLocalRandom.current()::nextDouble));
                }
                return record(session, row, AuditTrail.Action.U, failed.status() == null ? 503 : failed.status());
            });
        }).invoke(row -> report(row, outcome)).replaceWithVoid();
    }

    private Uni<Void> record(Mutiny.Session session, OutboxRow row, AuditTrail.Action action, int status) {
        String ehrId = row.ehrResourceId != null && row.ehrResourceId.length() <= 64 ? row.ehrResourceId : null;
        Integer version = null;
        if (row.ehrVersionId != null && row.ehrVersionId.matches("\\d{1,9}")) {
            version = Integer.valueOf(row.ehrVersionId);
        }
        return audit.record(session, SERVICE, action, "update", row.resourceType, ehrId, version, status);
    }

    private void report(OutboxRow row, DeliveryOutcome outcome) {
        switch (row.outboxState()) {
            case SENT -> {
                DeliveryOutcome.Sent sent = (DeliveryOutcome.Sent) outcome;
                String how = sent.alreadyThere() ? "already-there" : sent.status() == 201 ? "created" : "updated";
                metrics.sent(row.resourceType, how);
                LOG.infof("Write-back %s (outbox %d): %s, EHR version %s, attempt %d", ref(row), row.pk, how,
                        row.ehrVersionId, row.attempts);
            }
            case SUPERSEDED_BY_CLINICIAN -> {
                metrics.keptByClinician(row.resourceType);
                LOG.infof("Write-back %s (outbox %d): kept the clinician's decision on the EHR, nothing written",
                        ref(row), row.pk);
            }
            case PENDING -> {
                if (outcome instanceof DeliveryOutcome.Failed) {
                    metrics.failedAttempt(row.resourceType);
                    LOG.warnf("Write-back %s (outbox %d): attempt %d failed, next at %s: %s", ref(row), row.pk,
                            row.attempts, row.nextAttemptAt, row.lastError);
                }
            }
            case DEAD -> {
                metrics.failedAttempt(row.resourceType);
                metrics.dead(row.resourceType);
                LOG.errorf("Write-back %s (outbox %d): dead-lettered after %d attempt(s): %s", ref(row), row.pk,
                        row.attempts, row.lastError);
            }
            case SUPERSEDED -> LOG.infof("Write-back %s (outbox %d): failed, superseded by outbox %d", ref(row), row.pk,
                    row.supersededBy);
            default -> {
            }
        }
    }

    private String ref(OutboxRow row) {
        return ids.ref(row.resourceType, row.identifierValue);
    }

    private static String truncate(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 997) + "...";
    }
}
