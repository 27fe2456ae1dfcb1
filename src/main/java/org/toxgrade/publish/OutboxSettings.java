package org.toxgrade.publish;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;

/** Delivery of outbox rows to the EHR. Where the EHR is and how to reach it: {@code toxgrade.ehr.*}. */
@ConfigMapping(prefix = "toxgrade.outbox")
public interface OutboxSettings {

    /** How often a dispatcher run claims due rows (runs never overlap; an enqueue can also trigger one). */
    @WithDefault("5s")
    Duration dispatchInterval();

    /** Most rows one run claims, validates in one batch and delivers one after the other. */
    @WithDefault("50")
    int batchSize();

    /** How long a claim holds; a row still 'sending' after it (its replica died) is due again. */
    @WithDefault("2m")
    Duration lease();

    /** How often a write that met a version conflict (409/412) is re-read and decided again in one attempt. */
    @WithDefault("3")
    int conflictRetries();

    /** Retries of failed attempts. */
    Retry retry();

    interface Retry {

        /** Delay after the first failed attempt; it doubles with every further failure. */
        @WithDefault("5s")
        Duration base();

        /** Longest delay between two attempts. */
        @WithDefault("15m")
        Duration max();

        /** Attempts before a row is dead-lettered (an operator can re-drive it). */
        @WithName("max-attempts")
        @WithDefault("12")
        int maxAttempts();

        /** Share of each delay that is random (0 = none, 1 = anywhere between 0 and the delay). */
        @WithDefault("0.5")
        double jitter();
    }
}
