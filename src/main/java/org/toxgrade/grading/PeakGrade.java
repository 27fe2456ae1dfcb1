package org.toxgrade.grading;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The worst grade of the episode, the figure registries report (docs/clinical-rules.md section 4), with the
 * first instant that reached it. Both are empty when the syndrome was never assessed in the episode
 * ({@link #NOT_ASSESSED}), which is not the same as grade 0.
 */
public record PeakGrade(OptionalInt grade, Optional<Instant> at) {

    public static final PeakGrade NOT_ASSESSED = new PeakGrade(OptionalInt.empty(), Optional.empty());

    public PeakGrade {
        if (grade.isPresent() != at.isPresent()) {
            throw new IllegalArgumentException("a peak grade has both a grade and its instant, or neither");
        }
    }

    public static PeakGrade of(int grade, Instant at) {
        return new PeakGrade(Grades.of(grade), Optional.of(at));
    }

    public boolean assessed() {
        return grade.isPresent();
    }
}
