package org.toxgrade.grading.course;

import java.time.Duration;
import java.time.Instant;

/**
 * Follows the spells of one syndrome while instants are visited in time order. A spell is open
 * from its first positive instant until the quiet period has fully passed after its last positive
 * instant: a positive instant at exactly last positive + quiet period starts a new spell
 * (CLINICAL-SPEC section 4, "no grade >= 1 for 48 h" has then held).
 */
public final class SpellTracker {

    private final Duration quietPeriod;
    private Instant onset;
    private Instant lastPositive;
    private int spellCount;

    public SpellTracker(Duration quietPeriod) {
        this.quietPeriod = quietPeriod;
    }

    /** Whether a spell is still open at {@code t}, judged from the positives recorded so far. */
    public boolean openAt(Instant t) {
        return lastPositive != null && t.isBefore(resolutionOf(lastPositive));
    }

    /** Onset of the current spell, or {@code null} when none is open at {@code t}. */
    public Instant onsetOfSpellOpenAt(Instant t) {
        return openAt(t) ? onset : null;
    }

    /** Records a positive instant; returns true when it starts a new spell. */
    public boolean recordPositive(Instant t) {
        boolean starts = !openAt(t);
        if (starts) {
            onset = t;
            spellCount++;
        }
        lastPositive = t;
        return starts;
    }

    public Instant resolutionOf(Instant lastPositiveInstant) {
        return lastPositiveInstant.plus(quietPeriod);
    }

    public int spellCount() {
        return spellCount;
    }
}
