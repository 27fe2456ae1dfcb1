package org.toxgrade.grading.course;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.toxgrade.grading.Course;
import org.toxgrade.grading.CourseStatus;
import org.toxgrade.grading.InstantGrade;
import org.toxgrade.grading.Spell;

/**
 * Turns the instant grades of one syndrome into spells (docs/clinical-rules.md section 4):
 * <ul>
 *   <li>onset = first instant with grade >= 1;</li>
 *   <li>resolution = the quiet period (default 48 h) passed after the last positive instant without
 *       a new one, judged against {@code asOf}: with no further data a spell resolves once
 *       {@code asOf} reaches last positive + quiet period (exactly 48 h counts as resolved);</li>
 *   <li>abatement = the first grade-0 assessment after the last positive instant, up to the
 *       resolution; when no assessment shows the syndrome gone, the last positive instant, the last
 *       time it was seen. The first negative observation is what a clinician would chart as the end;
 *       bounding it by the resolution keeps a late routine check from stretching the spell;</li>
 *   <li>only assessments that could show the syndrome gone count for abatement: an instant where
 *       the syndrome was not assessed never does, and {@code showsAbsence} can narrow it further
 *       (for ICANS an ICE, CAPD or consciousness assessment);</li>
 *   <li>a positive instant after a resolved spell opens a new spell: a recurrence;</li>
 *   <li>a spell that reached grade 5 never resolves.</li>
 * </ul>
 */
public final class CourseBuilder {

    private final Duration quietPeriod;

    public CourseBuilder(Duration quietPeriod) {
        this.quietPeriod = quietPeriod;
    }

    /**
     * @param showsAbsence whether a grade-0 instant is an assessment that shows the syndrome absent,
     *                     and so may mark the abatement
     */
    public Course build(List<InstantGrade> grades, Instant asOf, Optional<Instant> deathAttributedAt,
            Predicate<Instant> showsAbsence) {
        List<Spell> spells = new ArrayList<>();
        OpenSpell open = null;
        for (InstantGrade g : grades) {
            Instant t = g.time();
            if (open != null && !t.isBefore(open.resolution())) {
                if (g.assessed() && !g.positive() && open.firstNegative == null && t.equals(open.resolution())
                        && showsAbsence.test(t)) {
                    open.firstNegative = t;
                }
                spells.add(open.resolved());
                open = null;
            }
            if (g.positive()) {
                if (open == null) {
                    open = new OpenSpell(spells.size() + 1, g);
                }
                open.positive(g);
            } else if (g.assessed() && open != null && open.firstNegative == null && showsAbsence.test(t)) {
                open.firstNegative = t;
            }
        }
        if (open != null) {
            boolean fatal = open.peakGrade == 5;
            spells.add(!fatal && !asOf.isBefore(open.resolution()) ? open.resolved() : open.unresolved());
        }
        return new Course(status(spells), spells, deathAttributedAt);
    }

    private static CourseStatus status(List<Spell> spells) {
        if (spells.isEmpty()) {
            return CourseStatus.NONE;
        }
        Spell last = spells.get(spells.size() - 1);
        if (last.resolved()) {
            return CourseStatus.RESOLVED;
        }
        return last.recurrence() ? CourseStatus.RECURRENCE : CourseStatus.ACTIVE;
    }

    private final class OpenSpell {

        private final int number;
        private final Instant onset;
        private Instant lastPositive;
        private int peakGrade;
        private Instant peakAt;
        private Instant firstNegative;

        OpenSpell(int number, InstantGrade first) {
            this.number = number;
            this.onset = first.time();
        }

        void positive(InstantGrade g) {
            lastPositive = g.time();
            firstNegative = null;
            int grade = g.grade().getAsInt();
            if (grade > peakGrade) {
                peakGrade = grade;
                peakAt = g.time();
            }
        }

        Instant resolution() {
            return lastPositive.plus(quietPeriod);
        }

        Spell resolved() {
            Instant abatement = firstNegative != null ? firstNegative : lastPositive;
            return new Spell(number, onset, lastPositive, peakGrade, peakAt, Optional.of(abatement),
                    Optional.of(resolution()));
        }

        Spell unresolved() {
            return new Spell(number, onset, lastPositive, peakGrade, peakAt, Optional.empty(), Optional.empty());
        }
    }
}
