package org.toxgrade.ehr;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Stops calling an EHR that keeps failing: after {@code threshold} consecutive failures the circuit
 * opens for {@code delay}; then one trial request is let through (half-open). Its success closes
 * the circuit, its failure opens it for another {@code delay}. Thread-safe.
 */
public final class CircuitBreaker {

    /** Closed: requests flow. Open: nothing is attempted. Half-open: one trial is in flight. */
    public enum State {
        CLOSED, OPEN, HALF_OPEN
    }

    private final int threshold;
    private final long delayNanos;
    private final LongSupplier clock;

    private State state = State.CLOSED;
    private int failures;
    private long openedAt;

    public CircuitBreaker(int threshold, Duration delay) {
        this(threshold, delay, System::nanoTime);
    }

    public CircuitBreaker(int threshold, Duration delay, LongSupplier nanoClock) {
        if (threshold < 1) {
            throw new IllegalArgumentException(EhrError.BREAKER_THRESHOLD_TOO_LOW.message());
        }
        this.threshold = threshold;
        this.delayNanos = delay.toNanos();
        this.clock = nanoClock;
    }

    /** Whether a request may go out now; in half-open state only the first caller gets the trial. */
    public synchronized boolean tryAcquire() {
        if (state == State.CLOSED) {
            return true;
        }
        if (state == State.OPEN && clock.getAsLong() - openedAt >= delayNanos) {
            state = State.HALF_OPEN;
            return true;
        }
        return false;
    }

    /** Whether a dispatcher run should start at all: false while open and not yet due for a trial. */
    public synchronized boolean mayAttempt() {
        return state == State.CLOSED || (state == State.OPEN && clock.getAsLong() - openedAt >= delayNanos);
    }

    public synchronized void onSuccess() {
        state = State.CLOSED;
        failures = 0;
    }

    public synchronized void onFailure() {
        failures++;
        if (state == State.HALF_OPEN || failures >= threshold) {
            state = State.OPEN;
            openedAt = clock.getAsLong();
        }
    }

    public synchronized State state() {
        return state;
    }
}
