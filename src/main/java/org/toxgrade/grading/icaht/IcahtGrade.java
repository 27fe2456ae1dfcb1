package org.toxgrade.grading.icaht;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One ICAHT grading of an episode (early or late) as of the grading's instant.
 *
 * @param grade        0-4; empty when no ANC was counted in the phase's days (not assessed, never grade 0)
 * @param periods      early: the neutropenic periods (ANC at or below the neutropenia threshold); late: empty
 * @param neutropenicDays early: the days that grade, by the configured join of {@code periods}; late: 0
 * @param severeDays   early: the same for the severe threshold; late: 0
 * @param neverRecovered early: a period was still open at the end of day 30 with the last count below the
 *                     threshold (grade 4)
 * @param confirmed    late: whether at least two counts reach the grade; a grade from a single count is graded
 *                     provisionally (CLINICAL-SPEC section 9). Early: always true
 * @param lowest       the lowest count of the phase; empty when not assessed
 * @param onset        the first count of the phase that graded (at or below the neutropenia threshold early, at
 *                     or below 1.5 late); empty when the grade is 0 or not assessed
 * @param abatement    the first count of the recovery that ended the last period (early) or of the first count
 *                     above 1.5 after the last graded one (late); empty while neutropenia lasts
 * @param ancIds       the fact ids of the phase's counts, in time order: the Condition's evidence
 * @param gcsfIds      the fact ids of the G-CSF doses given in the phase: evidence that does not change the grade
 * @param ruleIds      the rules that decided, e.g. {@code EHA-EBMT-ICAHT-EARLY-3}
 * @param notes        what a clinician must read with the grade (G-CSF given, single value, recovery unconfirmed)
 */
public record IcahtGrade(IcahtPhase phase, OptionalInt grade, List<NeutropenicPeriod> periods, int neutropenicDays,
        int severeDays, boolean neverRecovered, boolean confirmed, Optional<AncValue> lowest, Optional<Instant> onset,
        Optional<Instant> abatement, List<String> ancIds, List<String> gcsfIds, List<String> ruleIds,
        List<String> notes) {

    public IcahtGrade {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(grade, "grade");
        periods = List.copyOf(periods);
        ancIds = List.copyOf(ancIds);
        gcsfIds = List.copyOf(gcsfIds);
        ruleIds = List.copyOf(ruleIds);
        notes = List.copyOf(notes);
        if (grade.isPresent() && (grade.getAsInt() < 0 || grade.getAsInt() > 4)) {
            throw new IllegalArgumentException("ICAHT grades are 0-4, was " + grade.getAsInt());
        }
    }

    public boolean assessed() {
        return grade.isPresent();
    }

    /** Whether the phase reached grade 1 or more, which is when it has a Condition. */
    public boolean positive() {
        return grade.isPresent() && grade.getAsInt() >= 1;
    }

    /** Resolved once the last period recovered (early) or the counts are above 1.5 again (late). */
    public boolean resolved() {
        return abatement.isPresent();
    }
}
