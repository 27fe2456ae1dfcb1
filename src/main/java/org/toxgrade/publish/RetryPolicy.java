package org.toxgrade.publish;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter: after failure {@code n} the nominal delay is
 * {@code base * 2^(n-1)}, capped at {@code max}; a share {@code jitter} of it is random, so that
 * replicas and rows that failed together do not retry together.
 */
public record RetryPolicy(Duration base, Duration max, int maxAttempts, double jitter) {

    public RetryPolicy {
        if (maxAttempts < 1 || jitter < 0 || jitter > 1 || base.isNegative() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException(OutboxError.RETRY_SETTINGS_INVALID.message());
        }
    }

    public static RetryPolicy of(OutboxSettings.Retry config) {
        return new RetryPolicy(config.base(), config.max(), config.maxAttempts(), config.jitter());
    }

    /** Whether a row that has now failed {@code attempts} times is out of attempts. */
    public boolean exhausted(int attempts) {
        return attempts >= maxAttempts;
    }

    /** Delay before the attempt after failure number {@code attempts} (1-based). */
    public Duration delay(int attempts, DoubleSupplier random) {
        int doublings = Math.max(0, Math.min(attempts - 1, 62));
        double nominal = Math.min(max.toMillis(), base.toMillis() * Math.pow(2, doublings));
        return Duration.ofMillis(Math.round(nominal * (1 - jitter) + nominal * jitter * random.getAsDouble()));
    }
}
