package org.toxgrade.publish;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code toxgrade_outbox_*} meters: counters of what happened to rows, and a gauge of rows per state
 * (refreshed by every dispatcher run, also while write-back is off, so a growing backlog shows).
 */
@Singleton
public class OutboxMetrics {

    private final MeterRegistry registry;
    private final Map<OutboxState, AtomicLong> rows = new EnumMap<>(OutboxState.class);
    private final AtomicReference<OffsetDateTime> oldestWaiting = new AtomicReference<>();

    public OutboxMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (OutboxState state : OutboxState.values()) {
            AtomicLong value = new AtomicLong();
            rows.put(state, value);
            registry.gauge("toxgrade.outbox.rows", Tags.of("state", state.code()), value);
        }
        Gauge.builder("toxgrade.outbox.oldest.pending.age", oldestWaiting, OutboxMetrics::ageSeconds)
                .baseUnit("seconds").register(registry);
    }

    /** Read at each scrape, so the age grows between dispatcher runs. */
    private static double ageSeconds(AtomicReference<OffsetDateTime> oldest) {
        OffsetDateTime at = oldest.get();
        return at == null ? 0 : Math.max(0, Duration.between(at, OffsetDateTime.now()).toMillis() / 1000.0);
    }

    void oldestWaiting(Optional<OffsetDateTime> createdAt) {
        oldestWaiting.set(createdAt.orElse(null));
    }

    void rows(Map<OutboxState, Long> counts) {
        counts.forEach((state, count) -> rows.get(state).set(count));
    }

    /** A row delivered: {@code outcome} created, updated or already-there. */
    void sent(String type, String outcome) {
        registry.counter("toxgrade.outbox.sent", "type", type, "outcome", outcome).increment();
    }

    void keptByClinician(String type) {
        registry.counter("toxgrade.outbox.superseded", "by", "clinician", "type", type).increment();
    }

    void failedAttempt(String type) {
        registry.counter("toxgrade.outbox.attempts.failed", "type", type).increment();
    }

    void dead(String type) {
        registry.counter("toxgrade.outbox.dead", "type", type).increment();
    }

    void invalid(String type) {
        registry.counter("toxgrade.outbox.invalid", "type", type).increment();
    }

    public void redriven(int count) {
        registry.counter("toxgrade.outbox.redriven").increment(count);
    }

    void validation(long nanos, int resources) {
        registry.timer("toxgrade.outbox.validation").record(Duration.ofNanos(nanos));
        registry.counter("toxgrade.outbox.validated.resources").increment(resources);
    }
}
