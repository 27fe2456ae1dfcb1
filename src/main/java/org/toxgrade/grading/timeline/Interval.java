package org.toxgrade.grading.timeline;

import java.time.Duration;

import java.time.Instant;
import java.util.Objects;

/**
 * A stretch of time over which something holds between observations (docs/clinical-rules.md section 4): a
 * running infusion, an oxygen device until the next device observation, a sedative's effect. It
 * starts at {@code start} (inclusive) and ends at {@code end}, exclusive unless
 * {@code endInclusive}; {@code end == null} means open: it holds until the end of the graded window
 * ({@code asOf} or a recorded death), because nothing charted so far has ended it.
 */
public record Interval(Instant start, Instant end, boolean endInclusive) {

    public Interval {
        Objects.requireNonNull(start, "start");
        if (end != null && end.isBefore(start)) {
            throw new IllegalArgumentException("interval ends before it starts: " + start + " to " + end);
        }
        if (end == null && endInclusive) {
            throw new IllegalArgumentException("an open interval has no end to include");
        }
    }

    /** From {@code start} until just before {@code end}; {@code end == null}: open. */
    public static Interval halfOpen(Instant start, Instant end) {
        return new Interval(start, end, false);
    }

    /** From {@code start} to {@code end}, both included. */
    public static Interval closed(Instant start, Instant end) {
        return new Interval(start, Objects.requireNonNull(end, "end"), true);
    }

    /** A single instant, e.g. a dose given at its time (it is not running afterwards). */
    public static Interval at(Instant t) {
        return closed(t, t);
    }

    public boolean open() {
        return end == null;
    }

    /** Holds at no instant: a half-open interval that ends where it starts. */
    public boolean isEmpty() {
        return end != null && !endInclusive && end.equals(start);
    }

    public boolean contains(Instant t) {
        if (t.isBefore(start)) {
            return false;
        }
        if (end == null) {
            return true;
        }
        return endInclusive ? !t.isAfter(end) : t.isBefore(end);
    }

    /** The same interval with its end moved by {@code extension} (an after-effect); open stays open. */
    public Interval extendedBy(Duration extension) {
        if (end == null) {
            return this;
        }
        return new Interval(start, end.plus(extension), endInclusive);
    }
}
