package org.toxgrade.grading;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Grades of one syndrome over the episode: per instant, per day, the episode peak and the course.
 *
 * @param instants one entry per assessment instant, in time order, each assessed or not assessed
 * @param days     one entry per episode day from day 0 to the day of the end of the graded window
 *                 ({@code asOf}, or an earlier recorded death), each assessed or not assessed with a
 *                 reason; empty when the window ends before the infusion
 */
public record SyndromeGrading(Syndrome syndrome, List<InstantGrade> instants, List<DayGrade> days,
        PeakGrade episode, Course course) {

    public SyndromeGrading {
        instants = List.copyOf(instants);
        days = List.copyOf(days);
        for (int i = 0; i < days.size(); i++) {
            if (days.get(i).day() != i) {
                throw new IllegalArgumentException("days must run from day 0 without a gap");
            }
        }
    }

    /** The grade at an assessment instant (assessed or not); empty when {@code time} is not one. */
    public Optional<InstantGrade> at(Instant time) {
        int low = 0;
        int high = instants.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int c = instants.get(mid).time().compareTo(time);
            if (c == 0) {
                return Optional.of(instants.get(mid));
            }
            if (c < 0) {
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return Optional.empty();
    }

    /**
     * Episode day {@code day}, assessed or not assessed; empty only outside the graded days
     * (baseline days, days after the end of the graded window).
     */
    public Optional<DayGrade> day(int day) {
        return day >= 0 && day < days.size() ? Optional.of(days.get(day)) : Optional.empty();
    }
}
