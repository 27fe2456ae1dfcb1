package org.toxgrade.subscription;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.toxgrade.fhir.FhirException;

/**
 * Processes the {@link NotificationInbox}: each entry as the endpoint once did in the request (store the resource,
 * read an id-only one, catch up on an empty one, follow a topic-based Bundle). Three ends:
 * <ul>
 * <li>processed: the outcome kept for a day, the body dropped;</li>
 * <li>refused: the content cannot be taken (a 4xx of the ingest, e.g. a temperature without a UCUM code): kept with
 * its body for operators ({@code GET /ops/subscriptions/refusals}), counted in
 * {@code toxgrade_subscription_refused_total{source,code}} and logged, never retried: the EHR already has its
 * answer, and the next notification is not held up;</li>
 * <li>a passing failure (the database, the EHR for an id-only read, a 5xx/429): tried again with a doubling wait,
 * {@code failed} after {@code max-attempts}.</li>
 * </ul>
 * Runs right after a notification is received and every {@code poll-interval}; one run at a time per replica,
 * entries in the order received.
 */
@ApplicationScoped
public class InboxWorker {

    private static final Logger LOG = Logger.getLogger(InboxWorker.class);

    private final Vertx vertx;
    private final NotificationInbox inbox;
    private final NotificationHandler handler;
    private final Sources sources;
    private final SubscriptionSettings.Inbox config;
    private final MeterRegistry metrics;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    public InboxWorker(Vertx vertx, NotificationInbox inbox, NotificationHandler handler, Sources sources,
            SubscriptionSettings settings, MeterRegistry metrics) {
        this.vertx = vertx;
        this.inbox = inbox;
        this.handler = handler;
        this.sources = sources;
        this.config = settings.inbox();
        this.metrics = metrics;
    }

    @Scheduled(identity = "toxgrade-notification-inbox", every = "${toxgrade.subscription.inbox.poll-interval:1s}",
            delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return run();
    }

    @Scheduled(identity = "toxgrade-notification-inbox-purge", every = "1h", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purge() {
        return inbox.purge(config.keepProcessed(), config.keepRefused()).replaceWithVoid()
                .onFailure().recoverWithNull();
    }

    /** Asks for a run now (after a notification was received); returns at once. */
    public void trigger() {
        // A fresh duplicated context: the run's database session must not share the request's context.
        Context context = VertxContext.createNewDuplicatedContext(vertx.getDelegate().getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> run().subscribe().with(done -> {
        }, failure -> LOG.error(SubscriptionError.INBOX_RUN_FAILED.message(failure.getClass().getName()))));
    }

    /** One run, or nothing if one is under way (that run is then followed by another). */
    public Uni<Void> run() {
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return Uni.createFrom().voidItem();
        }
        return inbox.claim(config.batchSize(), config.lease())
                .chain(entries -> {
                    if (entries.size() >= config.batchSize()) {
                        again.set(true);
                    }
                    return process(entries);
                })
                .onFailure().invoke(f -> LOG.warn(SubscriptionError.INBOX_RUN_FAILED.message(String.valueOf(f))))
                .onFailure().recoverWithNull()
                .eventually(() -> {
                    running.set(false);
                    if (again.getAndSet(false)) {
                        trigger();
                    }
                })
                .replaceWithVoid();
    }

    /**
     * Entries about one resource in the order received; entries about different resources side by side (at most
     * {@code concurrency}), each on a Vert.x context of its own as an HTTP request would be (its database session is
     * its own; the ingest locks each patient).
     */
    private Uni<Void> process(List<NotificationInbox.Entry> entries) {
        Map<String, List<NotificationInbox.Entry>> byResource = new LinkedHashMap<>();
        for (NotificationInbox.Entry entry : entries) {
            String key = entry.resourceType() != null && entry.resourceId() != null
                    ? entry.resourceType() + "/" + entry.resourceId()
                    : "entry/" + entry.id();
            byResource.computeIfAbsent(key, k -> new ArrayList<>()).add(entry);
        }
        return Multi.createFrom().iterable(byResource.values())
                .onItem().transformToUni(group -> onOwnContext(() -> Multi.createFrom().iterable(group)
                        .onItem().transformToUniAndConcatenate(this::process).collect().last().replaceWithVoid()))
                .merge(config.concurrency())
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> onOwnContext(Supplier<Uni<Void>> work) {
        return Uni.createFrom().emitter(emitter -> {
            Context context = VertxContext.createNewDuplicatedContext(vertx.getDelegate().getOrCreateContext());
            VertxContextSafetyToggle.setContextSafe(context, true);
            context.runOnContext(ignored -> work.get().subscribe().with(emitter::complete, emitter::fail));
        });
    }

    private Uni<Void> process(NotificationInbox.Entry entry) {
        EhrSource source = sources.named(entry.source()).orElse(null);
        if (source == null) {
            return end(entry, inbox.refused(entry.id(), SubscriptionError.UNKNOWN_NOTIFICATION_SOURCE.code(),
                    SubscriptionError.UNKNOWN_NOTIFICATION_SOURCE.message()), "refused",
                    SubscriptionError.UNKNOWN_NOTIFICATION_SOURCE.code());
        }
        Uni<Notification> handled = Uni.createFrom().deferred(() -> "DELETE".equals(entry.method())
                ? handler.deleted(source, entry.resourceType(), entry.resourceId())
                : handler.handle(source, entry.body(), entry.resourceType(), entry.resourceId()));
        return handled.onItemOrFailure().transformToUni((notification, failure) -> {
            if (failure == null) {
                return end(entry, inbox.processed(entry.id(), SubscriptionError.NOTIFICATION_RECEIVED.code(),
                        notification.describe()), "processed", SubscriptionError.NOTIFICATION_RECEIVED.code());
            }
            if (isRefusal(failure)) {
                FhirException refusal = (FhirException) failure;
                LOG.warn(SubscriptionError.NOTIFICATION_REFUSED.message(entry.id(), entry.source(),
                        refusal.getMessage()));
                return end(entry, inbox.refused(entry.id(), refusal.code().code(), refusal.getMessage()),
                        "refused", refusal.code().code());
            }
            String code = failure instanceof FhirException f
                    ? f.code().code()
                    : SubscriptionError.NOTIFICATION_NOT_YET_PROCESSED.code();
            String text = failure instanceof FhirException
                    ? failure.getMessage()
                    : SubscriptionError.NOTIFICATION_NOT_YET_PROCESSED.message(failure.getClass().getSimpleName());
            if (entry.attempts() >= config.maxAttempts()) {
                LOG.error(SubscriptionError.NOTIFICATION_FAILED.message(entry.id(), entry.source(),
                        entry.attempts(), text));
                return end(entry, inbox.failed(entry.id(), code, text), "failed", code);
            }
            return inbox.retryAt(entry.id(), Instant.now().plus(wait(entry.attempts())), code, text);
        }).onFailure().invoke(f -> LOG.warn(SubscriptionError.INBOX_RUN_FAILED.message(String.valueOf(f))))
                .onFailure().recoverWithNull();
    }

    /**
     * A refusal of the content (4xx other than 408 and 429): sending it again would be refused again. Everything
     * else may pass.
     */
    static boolean isRefusal(Throwable failure) {
        if (!(failure instanceof FhirException refusal)) {
            return false;
        }
        int status = refusal.status();
        return status >= 400 && status < 500 && status != 408 && status != 429;
    }

    Duration wait(int attempts) {
        Duration wait = config.retryBase().multipliedBy(1L << Math.min(20, Math.max(0, attempts - 1)));
        return wait.compareTo(config.retryMax()) > 0 ? config.retryMax() : wait;
    }

    private Uni<Void> end(NotificationInbox.Entry entry, Uni<Void> recorded, String state, String code) {
        return recorded.invoke(() -> {
            if (!state.equals("processed")) {
                metrics.counter("toxgrade.subscription.refused", "source", entry.source(), "code", code,
                        "state", state).increment();
            }
            metrics.timer("toxgrade.subscription.inbox.latency", "source", entry.source(), "state", state)
                    .record(Duration.between(entry.receivedAt(), Instant.now()));
        });
    }
}
