package org.toxgrade.grading;

import java.time.Instant;
import java.util.Optional;

/**
 * One continuous stretch of a syndrome: from the first positive instant until the quiet period
 * (default 48 h) passes without a positive grade (docs/clinical-rules.md section 4).
 *
 * @param number       1 for the first spell; higher numbers are recurrences
 * @param onset        first instant with grade >= 1
 * @param lastPositive last instant with grade >= 1
 * @param peakGrade    worst grade of the spell
 * @param peakAt       first instant that reached {@code peakGrade}
 * @param abatement    set once resolved: the first grade-0 assessment (for ICANS: an ICE, CAPD or
 *                     consciousness assessment) after {@code lastPositive}
 *                     and no later than the resolution, else {@code lastPositive} itself, the last
 *                     time the syndrome was seen
 * @param resolvedAt   set once resolved: {@code lastPositive} + quiet period
 */
public record Spell(int number, Instant onset, Instant lastPositive, int peakGrade, Instant peakAt,
        Optional<Instant> abatement, Optional<Instant> resolvedAt) {

    public boolean recurrence() {
        return number > 1;
    }

    public boolean resolved() {
        return resolvedAt.isPresent();
    }
}
