package org.toxgrade.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.http.HttpMethod;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.toxgrade.ehr.EhrResponse;

/**
 * Reads what each EHR changed since the watermark ({@code [criteria]&_lastUpdated=ge...}, following {@code next}
 * links) and feeds it through ingest. Runs shortly after start-up, on a timer, after a notification that does not
 * say what changed, and after a gap in a topic's event count. The window starts {@code overlap} before the
 * watermark; what is read twice is deduplicated by resource version. A run that fails keeps the watermark, so the
 * next run reads the same window again.
 */
@ApplicationScoped
public class CatchUp {

    private static final Logger LOG = Logger.getLogger(CatchUp.class);

    private final SubscriptionSettings config;
    private final Sources sources;
    private final SubscriptionStateStore state;
    private final EhrIngest ingest;
    private final ObjectMapper mapper;
    private final Vertx vertx;
    private final Map<String, AtomicBoolean> running = new ConcurrentHashMap<>();
    private final Map<String, AtomicBoolean> again = new ConcurrentHashMap<>();

    public CatchUp(SubscriptionSettings config, Sources sources, SubscriptionStateStore state, EhrIngest ingest,
            ObjectMapper mapper, Vertx vertx) {
        this.config = config;
        this.sources = sources;
        this.state = state;
        this.ingest = ingest;
        this.mapper = mapper;
        this.vertx = vertx;
    }

    /** What one run did. */
    public record Result(String source, String outcome, int read, int refused, Instant watermark) {
    }

    @Scheduled(identity = "toxgrade-subscription-catch-up", every = "${toxgrade.subscription.catch-up-interval:5m}",
            delayed = "3s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return Multi.createFrom().iterable(sources.all())
                .onItem().transformToUniAndConcatenate(this::run)
                .collect().last().replaceWithVoid();
    }

    /** Asks for a run of one source now; returns at once (a run under way is followed by one more). */
    public void request(String sourceName) {
        sources.named(sourceName).ifPresent(source -> {
            // A context of its own: the caller's (a notification being answered) holds its own database session.
            Context context = VertxContext
                    .createNewDuplicatedContext(vertx.getDelegate().getOrCreateContext());
            VertxContextSafetyToggle.setContextSafe(context, true);
            context.runOnContext(ignored -> run(source).subscribe().with(done -> {
            }, failure -> LOG.error(SubscriptionError.REQUESTED_CATCH_UP_FAILED.message(source.name(),
                    failure.getClass().getName()))));
        });
    }

    /** One run for one source, unless one is under way (here, or on another replica). */
    public Uni<Result> run(EhrSource source) {
        AtomicBoolean busy = running.computeIfAbsent(source.name(), n -> new AtomicBoolean());
        if (!busy.compareAndSet(false, true)) {
            again.computeIfAbsent(source.name(), n -> new AtomicBoolean()).set(true);
            return Uni.createFrom().item(new Result(source.name(), "running", 0, 0, null));
        }
        return state.claimCatchUp(source.name(), config.catchUpLease())
                .chain(claim -> claim.isEmpty()
                        ? Uni.createFrom().item(new Result(source.name(), "held by another replica", 0, 0, null))
                        : read(source, claim.get().watermark()))
                .onFailure().recoverWithItem(failure -> {
                    LOG.error(SubscriptionError.CATCH_UP_FAILED.message(source.name(), failure.getClass().getName()));
                    return new Result(source.name(), "failed", 0, 0, null);
                })
                .eventually(() -> {
                    busy.set(false);
                    if (again.computeIfAbsent(source.name(), n -> new AtomicBoolean()).getAndSet(false)) {
                        request(source.name());
                    }
                });
    }

    private Uni<Result> read(EhrSource source, Instant watermark) {
        long started = System.nanoTime();
        Instant from = watermark == null
                ? Instant.now().minus(config.initialLookback())
                : watermark.minus(config.overlap());
        Window window = new Window();
        return Multi.createFrom().iterable(source.criteria())
                .onItem().transformToUniAndConcatenate(criteria -> readCriteria(source, criteria, from, window))
                .collect().asList()
                .chain(done -> {
                    Instant next = window.failure != null ? null : window.until();
                    String outcome = window.failure != null ? "failed: " + window.failure : "ok";
                    LOG.infof("Catch-up of source %s: %d read, %d refused, %s in %d ms", source.name(),
                            window.read.get(),
                            window.refused.get(), outcome, (System.nanoTime() - started) / 1_000_000);
                    return state.catchUpDone(source.name(), next, outcome, window.read.get())
                            .replaceWith(
                                    new Result(source.name(), outcome, window.read.get(), window.refused.get(), next));
                });
    }

    /** What a run learned: how far it may move the watermark, and whether anything failed. */
    private static final class Window {

        final AtomicInteger read = new AtomicInteger();
        final AtomicInteger refused = new AtomicInteger();
        volatile Instant serverTime;
        volatile Instant truncatedAt;
        volatile String failure;
        final Instant localStart = Instant.now();

        Instant until() {
            Instant complete = serverTime != null ? serverTime : localStart;
            return truncatedAt != null && truncatedAt.isBefore(complete) ? truncatedAt : complete;
        }
    }

    private Uni<Void> readCriteria(EhrSource source, String criteria, Instant from, Window window) {
        if (window.failure != null) {
            return Uni.createFrom().voidItem();
        }
        String type = EhrSource.typeOf(criteria);
        String query = criteria.contains("?") ? criteria.substring(criteria.indexOf('?') + 1) : "";
        String url = type + "?" + (query.isEmpty() ? "" : query + "&") + "_lastUpdated=ge"
                + URLEncoder.encode(DateTimeFormatter.ISO_INSTANT.format(from.truncatedTo(ChronoUnit.MILLIS)),
                        StandardCharsets.UTF_8)
                + "&_sort=_lastUpdated&_count=" + config.pageSize();
        return page(source, type, url, 1, window, null);
    }

    private Uni<Void> page(EhrSource source, String type, String url, int number, Window window, Instant lastSeen) {
        return source.client().request(HttpMethod.GET, url, null).chain(response -> {
            if (!response.ok()) {
                window.failure = SubscriptionError.CATCH_UP_SEARCH_REFUSED.message(response.status());
                return Uni.createFrom().voidItem();
            }
            JsonNode bundle = parse(response);
            if (number == 1 && window.serverTime == null) {
                window.serverTime = instantOrNull(bundle.path("meta").path("lastUpdated").asText(null));
            }
            Instant[] latest = {lastSeen};
            return Multi.createFrom().iterable(bundle.path("entry"))
                    .onItem().transformToUniAndConcatenate(entry -> {
                        JsonNode resource = entry.path("resource");
                        if (!"match".equals(entry.path("search").path("mode").asText("match"))
                                || !type.equals(resource.path("resourceType").asText())) {
                            return Uni.createFrom().voidItem(); // included resources: not what was searched for
                        }
                        Instant updated = instantOrNull(resource.path("meta").path("lastUpdated").asText(null));
                        if (updated != null && (latest[0] == null || updated.isAfter(latest[0]))) {
                            latest[0] = updated;
                        }
                        window.read.incrementAndGet();
                        return ingest
                                .putTolerant(source.name(), type, resource.path("id").asText(), resource.toString())
                                .invoke(stored -> {
                                    if (!stored) {
                                        window.refused.incrementAndGet();
                                    }
                                }).replaceWithVoid();
                    })
                    .collect().last()
                    .chain(() -> {
                        String next = nextLink(bundle);
                        if (next == null) {
                            return Uni.createFrom().voidItem();
                        }
                        if (number >= config.maxPages()) {
                            // The rest waits for the next run; the watermark stops where this one stopped.
                            Instant stop = latest[0] == null ? Instant.EPOCH : latest[0];
                            if (window.truncatedAt == null || stop.isBefore(window.truncatedAt)) {
                                window.truncatedAt = stop;
                            }
                            return Uni.createFrom().voidItem();
                        }
                        return page(source, type, next, number + 1, window, latest[0]);
                    });
        }).onFailure().recoverWithUni(failure -> {
            window.failure = SubscriptionError.CATCH_UP_SEARCH_FAILED.message(failure.getClass().getSimpleName());
            return Uni.createFrom().voidItem();
        });
    }

    private JsonNode parse(EhrResponse response) {
        try {
            return mapper.readTree(response.body());
        } catch (Exception e) {
            throw new IllegalStateException(SubscriptionError.CATCH_UP_ANSWER_NOT_JSON.message());
        }
    }

    static String nextLink(JsonNode bundle) {
        for (JsonNode link : bundle.path("link")) {
            if ("next".equals(link.path("relation").asText())) {
                return link.path("url").asText(null);
            }
        }
        return null;
    }

    static Instant instantOrNull(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (Exception e) {
            return null;
        }
    }
}
