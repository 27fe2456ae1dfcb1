package org.toxgrade.grading;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One syndrome on one episode day (docs/clinical-rules.md section 4): the maximum of what was assessed that
 * day, with the first instant that reached it, or <b>not assessed</b> with a reason when nothing
 * relevant held that day (for CRS: no temperature, blood pressure, oxygen or vasopressor; for
 * ICANS: no neurological assessment). A not-assessed day has an empty {@link #grade()}, never 0.
 *
 * @param grade       the worst grade assessed that day; empty when not assessed
 * @param setAt       the first instant of the day that reached {@code grade}; empty when not assessed
 * @param domains     each domain assessed that day with its worst grade, in table order
 * @param notAssessed why the day was not assessed; empty when it was
 */
public record DayGrade(int day, LocalDate date, OptionalInt grade, Optional<Instant> setAt, List<DomainGrade> domains,
        Optional<NotAssessedReason> notAssessed) {

    public DayGrade {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(grade, "grade");
        Objects.requireNonNull(setAt, "setAt");
        Objects.requireNonNull(notAssessed, "notAssessed");
        domains = List.copyOf(domains);
        if (grade.isPresent() == notAssessed.isPresent() || grade.isPresent() != setAt.isPresent()) {
            throw new IllegalArgumentException("a day grade is either assessed (grade and instant) or not "
                    + "assessed with a reason");
        }
    }

    public static DayGrade assessed(int day, LocalDate date, int grade, Instant setAt, List<DomainGrade> domains) {
        return new DayGrade(day, date, Grades.of(grade), Optional.of(setAt), domains, Optional.empty());
    }

    public static DayGrade notAssessed(int day, LocalDate date, NotAssessedReason reason) {
        return new DayGrade(day, date, OptionalInt.empty(), Optional.empty(), List.of(), Optional.of(reason));
    }

    public boolean assessed() {
        return grade.isPresent();
    }

    /** Assessed with a grade of at least {@code minimum}; never true when not assessed. */
    public boolean atLeast(int minimum) {
        return grade.isPresent() && grade.getAsInt() >= minimum;
    }

    /** The worst grade of {@code domain} that day; empty when that domain was not assessed that day. */
    public OptionalInt domain(Domain domain) {
        return DomainGrade.in(domains, domain);
    }
}
