package org.toxgrade.grading;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Grades of one syndrome over the episode: per instant, per day, the episode peak and the course. */
public record SyndromeGrading(Syndrome syndrome, List<InstantGrade> instants, List<DayGrade> days,
        PeakGrade episode, Course course) {

    public SyndromeGrading {
        instants = List.copyOf(instants);
        days = List.copyOf(days);
    }

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

    public Optional<DayGrade> day(int day) {
        return days.stream().filter(d -> d.day() == day).findFirst();
    }
}
