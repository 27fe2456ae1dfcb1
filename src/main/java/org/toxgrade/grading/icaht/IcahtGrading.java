package org.toxgrade.grading.icaht;

import java.util.List;
import java.util.Optional;

/**
 * The ICAHT of one episode: the early and the late grading, and the day-by-day course from day 0 to the last
 * judged day (at most the late phase's last day).
 */
public record IcahtGrading(IcahtGrade early, IcahtGrade late, List<IcahtDay> days) {

    public IcahtGrading {
        days = List.copyOf(days);
        for (int i = 0; i < days.size(); i++) {
            if (days.get(i).day() != i) {
                throw new IllegalArgumentException("days must run from day 0 without a gap");
            }
        }
    }

    public IcahtGrade of(IcahtPhase phase) {
        return switch (phase) {
            case EARLY -> early;
            case LATE -> late;
        };
    }

    /** Episode day {@code day}; empty outside the judged days. */
    public Optional<IcahtDay> day(int day) {
        return day >= 0 && day < days.size() ? Optional.of(days.get(day)) : Optional.empty();
    }
}
