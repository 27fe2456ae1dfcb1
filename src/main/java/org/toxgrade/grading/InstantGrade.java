package org.toxgrade.grading;

import java.time.Instant;
import java.util.Objects;

/**
 * The grade of one syndrome at one assessment instant.
 *
 * @param day the episode day of {@code time} (day 0 = calendar day of infusion in the configured zone)
 */
public record InstantGrade(Instant time, int day, int grade, Evidence evidence) {

    public InstantGrade {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(evidence, "evidence");
        if (grade < 0 || grade > 5) {
            throw new IllegalArgumentException("grade must be 0-5, was " + grade);
        }
    }

    public boolean positive() {
        return grade >= 1;
    }
}
