package org.toxgrade.derivation;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code toxgrade_derivation_*} meters: how long each derivation takes and whether it failed, and
 * the backlog of patients marked as owing one (refreshed by every sweep).
 */
@Singleton
public class DerivationMetrics {

    private final MeterRegistry registry;
    private final AtomicLong backlog = new AtomicLong();

    public DerivationMetrics(MeterRegistry registry) {
        this.registry = registry;
        registry.gauge("toxgrade.derivation.backlog", backlog);
    }

    void derived(long startedNanos, boolean failed) {
        Timer.builder("toxgrade.derivation.duration").tag("outcome", failed ? "failed" : "ok").register(registry)
                .record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
        if (failed) {
            registry.counter("toxgrade.derivation.failures").increment();
        }
    }

    void backlog(long marked) {
        backlog.set(marked);
    }
}
