package org.toxgrade.flags;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.toxgrade.grading.fact.DrugDose;
import org.toxgrade.grading.fact.Fact;

/**
 * Finds the corticosteroid tapers of an episode on daily totals (docs/clinical-rules.md section 5, row
 * {@code steroid-taper-rebound}: "the rolling 24-hour dexamethasone-equivalent total falls (a dose
 * reduction, a longer interval, or a switch to a weaker steroid), compared on daily totals, never
 * dose with dose").
 *
 * <p><b>Daily total.</b> Every corticosteroid dose counts in dexamethasone-equivalent milligrams
 * ({@link DexamethasoneEquivalents}). The daily total ending at an instant is the sum of the doses
 * given in the 24 hours before it. Doses more than {@link FlagConfig#taperCourseGap()} (default
 * 48 h) apart belong to different <b>courses</b>; only doses of one course are summed and compared,
 * so restarting steroids is never a taper.
 *
 * <p><b>When the total can fall.</b> A total only rises at a dose, and only falls when a dose
 * leaves it, 24 hours after it was given. So the rule looks at every instant {@code x = s + 24 h}
 * of a dose {@code s} of the course (a <b>look</b>), and compares two days:
 * <ul>
 *   <li>the day that began with {@code s}: the doses of {@code [x - 24 h, x - tolerance)};</li>
 *   <li>the day ending at {@code x + tolerance}: the doses of {@code (x - 24 h + tolerance, x +
 *       tolerance]}.</li>
 * </ul>
 * {@link FlagConfig#taperTimingTolerance()} (default 2 h) keeps a dose charted a little early or
 * late (a daily dose at 07:30 after 08:00 the day before) from counting twice in one day or in
 * neither: the replacement of {@code s} may come up to the tolerance before or after {@code x}.
 *
 * <p><b>A taper step</b> is a look at which the second day's total is lower than the first's by at
 * least {@link FlagConfig#taperMinimumFallPercent()} (default 10 %) of it, provided that
 * <ul>
 *   <li>the course goes on: a dose of the course is given at or after {@code x - tolerance}. A fall
 *       after the course's last dose is the end of the course, not a taper (stopping, like
 *       restarting, is told by the course gap);</li>
 *   <li>{@code x + tolerance} has passed by the end of the episode ({@code asOf} or a recorded
 *       death): before that a late dose may still come.</li>
 * </ul>
 * The minimum fall leaves out what happens when a small dose given beside a much larger regimen
 * is not repeated (seed PRES case day 12: dexamethasone 10 mg given on the day methylprednisolone
 * 1 g was restarted; the next day's total is 5 % lower at the same 1 g a day).
 *
 * <p><b>One taper</b> is a run of consecutive looks of a course that are all steps: a stepwise
 * de-escalation (prednisone 60, 40, 20 mg on three days, or dexamethasone 8 mg three times a day
 * ending while prednisone 60 mg a day begins) is one taper, from its first step to its last, not
 * one per step. A look that is not a step ends the run.
 *
 * <p>Consequences, each a row of {@code src/test/resources/flags/steroid-taper.json}:
 * <ul>
 *   <li>a lower dose is a taper from its first dose; the same dose less often from the first dose
 *       not given; a switch from the first day the weaker steroid's total is below the stronger's,
 *       so dexamethasone 8 mg three times a day (24 mg a day) followed by prednisone 60 mg a day
 *       (9 mg a day) is one taper although each prednisone dose is larger than each dexamethasone
 *       dose;</li>
 *   <li>a methylprednisolone pulse given between dexamethasone doses is no taper of the next
 *       dexamethasone dose (the pulse is in that day's total); when the pulse is not repeated, the
 *       total falls back 24 hours after it, and that de-escalation is a taper;</li>
 *   <li>in a course's first 24 hours no dose has left the total yet: a reduction there shows 24
 *       hours after the course began.</li>
 * </ul>
 *
 * <p>Seed PRES case, Figure 6 ("Taper represents each day on which an attempt was made to
 * de-escalate a preceding steroid treatment"): tapers 1-3 are seen on days 7, 12 and 14 of the
 * encoded case ({@code src/test/resources/seeds/pres/}). Taper 4, the switch to dexamethasone on
 * day 19 after a "5-day pulse course" begun on day 15, shows on day 20, when the pulse dose due
 * that day is not given: on day 19 the day's pulse is still in the total. Taper 5, the prednisone
 * the patient was "discharged on day 22 on", is the last dose charted: the daily total falls only
 * after it, so it cannot be told from the end of the course (see {@code PresSeedScenarioTest}).
 *
 * <p>Doses whose dexamethasone equivalent is neither charted nor derivable from the agent are left
 * out: they cannot be summed.
 */
final class SteroidTapers {

    private static final Duration DAY = Duration.ofHours(24);
    private static final double SAME = 1e-9;

    private SteroidTapers() {
    }

    static List<SteroidTaper> of(EpisodeView episode) {
        List<SteroidTaper> tapers = new ArrayList<>();
        for (List<DrugDose> course : courses(doses(episode), episode.config().taperCourseGap())) {
            tapers.addAll(tapers(course, episode));
        }
        return tapers;
    }

    private static List<SteroidTaper> tapers(List<DrugDose> course, EpisodeView episode) {
        FlagConfig config = episode.config();
        Duration tolerance = config.taperTimingTolerance();
        Instant last = course.get(course.size() - 1).time();
        Set<Instant> looks = new TreeSet<>();
        for (DrugDose d : course) {
            looks.add(d.time().plus(DAY));
        }
        List<SteroidTaper> tapers = new ArrayList<>();
        List<Instant> run = new ArrayList<>();
        for (Instant x : looks) {
            if (x.minus(tolerance).isAfter(last) || x.plus(tolerance).isAfter(episode.end())) {
                break;
            }
            if (x.isBefore(episode.infusion())) {
                // A fall before the infusion is baseline (docs/clinical-rules.md section 1), never flagged.
                continue;
            }
            double before = total(course, x.minus(DAY), true, x.minus(tolerance), false);
            double after = total(course, x.minus(DAY).plus(tolerance), false, x.plus(tolerance), true);
            double fall = before - after;
            boolean step = fall > SAME && fall >= before * config.taperMinimumFallPercent() / 100.0 - SAME;
            if (step) {
                run.add(x);
            } else if (!run.isEmpty()) {
                tapers.add(taper(course, run, tolerance));
                run = new ArrayList<>();
            }
        }
        if (!run.isEmpty()) {
            tapers.add(taper(course, run, tolerance));
        }
        return tapers;
    }

    /**
     * Evidence: the doses of the day before the first step up to the last step's confirmation, and
     * the course's next dose at or after the last step, which shows that the course went on.
     */
    private static SteroidTaper taper(List<DrugDose> course, List<Instant> run, Duration tolerance) {
        Instant start = run.get(0);
        Instant lastStep = run.get(run.size() - 1);
        Set<String> ids = new LinkedHashSet<>();
        for (DrugDose d : course) {
            if (!d.time().isBefore(start.minus(DAY)) && !d.time().isAfter(lastStep.plus(tolerance))) {
                ids.add(d.id());
            }
        }
        for (DrugDose d : course) {
            if (!d.time().isBefore(lastStep)) {
                ids.add(d.id());
                break;
            }
        }
        return new SteroidTaper(start, lastStep, List.copyOf(ids));
    }

    /** Dexamethasone equivalents given from {@code from} to {@code to}, each end in or out as said. */
    private static double total(List<DrugDose> course, Instant from, boolean fromIncluded, Instant to,
            boolean toIncluded) {
        double sum = 0;
        for (DrugDose d : course) {
            Instant t = d.time();
            boolean afterFrom = fromIncluded ? !t.isBefore(from) : t.isAfter(from);
            boolean beforeTo = toIncluded ? !t.isAfter(to) : t.isBefore(to);
            if (afterFrom && beforeTo) {
                sum += DexamethasoneEquivalents.of(d);
            }
        }
        return sum;
    }

    /** Corticosteroid doses with a dexamethasone equivalent, given by the end of the episode, in canonical order. */
    private static List<DrugDose> doses(EpisodeView episode) {
        List<DrugDose> doses = new ArrayList<>();
        for (DrugDose d : episode.facts().drugs()) {
            if (d.category() == DrugDose.Category.CORTICOSTEROID && !d.time().isAfter(episode.end())
                    && DexamethasoneEquivalents.of(d) != null) {
                doses.add(d);
            }
        }
        doses.sort(Fact.CANONICAL_ORDER);
        return doses;
    }

    /** Doses split where two consecutive ones are more than the course gap apart. */
    private static List<List<DrugDose>> courses(List<DrugDose> doses, Duration gap) {
        List<List<DrugDose>> courses = new ArrayList<>();
        List<DrugDose> current = new ArrayList<>();
        for (DrugDose d : doses) {
            if (!current.isEmpty() && Duration.between(current.get(current.size() - 1).time(), d.time())
                    .compareTo(gap) > 0) {
                courses.add(current);
                current = new ArrayList<>();
            }
            current.add(d);
        }
        if (!current.isEmpty()) {
            courses.add(current);
        }
        return courses;
    }
}
