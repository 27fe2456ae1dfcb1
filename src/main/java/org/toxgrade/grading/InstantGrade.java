package org.toxgrade.grading;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One syndrome at one assessment instant: a grade (0 = assessed, nothing found) or <b>not
 * assessed</b> (docs/clinical-rules.md section 4). The two cannot be confused: a not-assessed instant has an
 * empty {@link #grade()}, a {@link #notAssessed() reason} and no domains; it still carries
 * evidence, whose notes say what was seen and why it did not grade (an ICE not performed, a tremor).
 *
 * @param day         the episode day of {@code time} (day 0 = calendar day of infusion in the configured zone)
 * @param grade       the syndrome grade 0-5; empty when not assessed
 * @param domains     the domains assessed at {@code time} with their own grades, in table order;
 *                    a domain not listed was not assessed
 * @param notAssessed why the syndrome was not assessed; empty when it was
 */
public record InstantGrade(Instant time, int day, OptionalInt grade, List<DomainGrade> domains,
        Optional<NotAssessedReason> notAssessed, Evidence evidence) {

    public InstantGrade {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(grade, "grade");
        Objects.requireNonNull(notAssessed, "notAssessed");
        Objects.requireNonNull(evidence, "evidence");
        domains = List.copyOf(domains);
        if (grade.isPresent() == notAssessed.isPresent()) {
            throw new IllegalArgumentException("an instant grade is either assessed or not assessed with a reason");
        }
        if (grade.isPresent() && (grade.getAsInt() < 0 || grade.getAsInt() > 5)) {
            throw new IllegalArgumentException("grade must be 0-5, was " + grade.getAsInt());
        }
        if (notAssessed.isPresent() && !domains.isEmpty()) {
            throw new IllegalArgumentException("a syndrome that was not assessed has no assessed domains");
        }
    }

    public static InstantGrade assessed(Instant time, int day, int grade, List<DomainGrade> domains,
            Evidence evidence) {
        return new InstantGrade(time, day, Grades.of(grade), domains, Optional.empty(), evidence);
    }

    public static InstantGrade notAssessed(Instant time, int day, NotAssessedReason reason, Evidence evidence) {
        return new InstantGrade(time, day, OptionalInt.empty(), List.of(), REASONS[reason.ordinal()], evidence);
    }

    // Most instants of a busy episode are not assessed for one of the syndromes: share the Optionals.
    private static final Optional<NotAssessedReason>[] REASONS = reasons();

    @SuppressWarnings("unchecked")
    private static Optional<NotAssessedReason>[] reasons() {
        NotAssessedReason[] values = NotAssessedReason.values();
        Optional<NotAssessedReason>[] result = new Optional[values.length];
        for (NotAssessedReason r : values) {
            result[r.ordinal()] = Optional.of(r);
        }
        return result;
    }

    public boolean assessed() {
        return grade.isPresent();
    }

    /** Assessed with grade >= 1. */
    public boolean positive() {
        return atLeast(1);
    }

    /** Assessed with a grade of at least {@code minimum}; never true when not assessed. */
    public boolean atLeast(int minimum) {
        return grade.isPresent() && grade.getAsInt() >= minimum;
    }

    /** The grade of {@code domain} at this instant; empty when that domain was not assessed. */
    public OptionalInt domain(Domain domain) {
        return DomainGrade.in(domains, domain);
    }
}
