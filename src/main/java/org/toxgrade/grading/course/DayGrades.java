package org.toxgrade.grading.course;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.toxgrade.grading.DayGrade;
import org.toxgrade.grading.InstantGrade;
import org.toxgrade.grading.PeakGrade;
import org.toxgrade.grading.timeline.EpisodeClock;

/** Day and episode maxima of instant grades (CLINICAL-SPEC section 4). */
public final class DayGrades {

    private DayGrades() {
    }

    /**
     * One {@link DayGrade} per episode day with at least one assessment, naming the first instant
     * of the day that reached the day's grade. {@code grades} must be in time order.
     */
    public static List<DayGrade> of(List<InstantGrade> grades, EpisodeClock clock) {
        List<DayGrade> days = new ArrayList<>();
        InstantGrade best = null;
        for (InstantGrade g : grades) {
            if (best != null && g.day() != best.day()) {
                days.add(new DayGrade(best.day(), clock.dateOfDay(best.day()), best.grade(), best.time()));
                best = null;
            }
            if (best == null || g.grade() > best.grade()) {
                best = g;
            }
        }
        if (best != null) {
            days.add(new DayGrade(best.day(), clock.dateOfDay(best.day()), best.grade(), best.time()));
        }
        return days;
    }

    /** The worst grade of the episode and the first instant that reached it. */
    public static PeakGrade peak(List<InstantGrade> grades) {
        InstantGrade best = null;
        for (InstantGrade g : grades) {
            if (best == null || g.grade() > best.grade()) {
                best = g;
            }
        }
        return best == null ? PeakGrade.NOT_ASSESSED : new PeakGrade(best.grade(), Optional.of(best.time()));
    }
}
