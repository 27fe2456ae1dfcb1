package org.toxgrade.grading;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The value of one assessed domain (a column of the ASTCT tables) at an instant or, as the maximum
 * over its instants, on a day: its own grade, 0 when assessed and nothing was found. A domain that
 * was not assessed has no {@code DomainGrade} at all (see {@link InstantGrade#domain}).
 *
 * <p>A domain's grade is its own cell of the table: a running vasopressor is hypotension grade 3
 * even where, without fever, the CRS grade is 0.
 */
public record DomainGrade(Domain domain, int grade) {

    private static final DomainGrade[][] CACHE = new DomainGrade[Domain.values().length][6];

    static {
        for (Domain d : Domain.values()) {
            for (int g = 0; g <= 5; g++) {
                CACHE[d.ordinal()][g] = new DomainGrade(d, g);
            }
        }
    }

    public DomainGrade {
        Objects.requireNonNull(domain, "domain");
        if (grade < 0 || grade > 5) {
            throw new IllegalArgumentException("grade must be 0-5, was " + grade);
        }
    }

    /** The grade of {@code domain} in {@code domains}; empty when that domain was not assessed. */
    public static OptionalInt in(List<DomainGrade> domains, Domain domain) {
        for (DomainGrade d : domains) {
            if (d.domain() == domain) {
                return Grades.of(d.grade());
            }
        }
        return OptionalInt.empty();
    }

    /** The shared instance for {@code domain} and {@code grade}. */
    public static DomainGrade of(Domain domain, int grade) {
        if (grade < 0 || grade > 5) {
            throw new IllegalArgumentException("grade must be 0-5, was " + grade);
        }
        return CACHE[domain.ordinal()][grade];
    }
}
