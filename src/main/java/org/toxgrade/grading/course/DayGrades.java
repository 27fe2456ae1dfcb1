package org.toxgrade.grading.course;

import java.util.ArrayList;
import java.util.List;
import org.toxgrade.grading.DayGrade;
import org.toxgrade.grading.Domain;
import org.toxgrade.grading.DomainGrade;
import org.toxgrade.grading.InstantGrade;
import org.toxgrade.grading.NotAssessedReason;
import org.toxgrade.grading.PeakGrade;
import org.toxgrade.grading.timeline.EpisodeClock;

/** Day and episode maxima of instant grades (docs/clinical-rules.md section 4). */
public final class DayGrades {

    private static final Domain[] DOMAINS = Domain.values();

    private DayGrades() {
    }

    /**
     * One {@link DayGrade} for every episode day from day 0 to {@code lastDay}: the worst grade
     * assessed that day with the first instant that reached it, and each domain's worst grade; a day
     * with no assessed instant is not assessed, with the reason of its instants when they share a
     * more precise one than {@code noData} (e.g. an ICE not performed), else {@code noData}.
     * {@code grades} must be in time order.
     */
    public static List<DayGrade> of(List<InstantGrade> grades, EpisodeClock clock, int lastDay,
            NotAssessedReason noData) {
        List<DayGrade> days = new ArrayList<>(Math.max(0, lastDay + 1));
        int i = 0;
        for (int day = 0; day <= lastDay; day++) {
            while (i < grades.size() && grades.get(i).day() < day) {
                i++;
            }
            InstantGrade best = null;
            NotAssessedReason reason = null;
            int[] domainWorst = null;
            for (; i < grades.size() && grades.get(i).day() == day; i++) {
                InstantGrade g = grades.get(i);
                if (!g.assessed()) {
                    NotAssessedReason r = g.notAssessed().orElseThrow();
                    if (reason == null && r != noData) {
                        reason = r;
                    }
                    continue;
                }
                if (best == null || g.grade().getAsInt() > best.grade().getAsInt()) {
                    best = g;
                }
                if (domainWorst == null) {
                    domainWorst = new int[DOMAINS.length];
                }
                for (DomainGrade d : g.domains()) {
                    domainWorst[d.domain().ordinal()] = Math.max(domainWorst[d.domain().ordinal()], d.grade() + 1);
                }
            }
            if (best == null) {
                days.add(DayGrade.notAssessed(day, clock.dateOfDay(day), reason != null ? reason : noData));
            } else {
                days.add(DayGrade.assessed(day, clock.dateOfDay(day), best.grade().getAsInt(), best.time(),
                        domains(domainWorst)));
            }
        }
        return days;
    }

    private static List<DomainGrade> domains(int[] worstPlusOne) {
        List<DomainGrade> result = new ArrayList<>(4);
        for (int d = 0; d < worstPlusOne.length; d++) {
            if (worstPlusOne[d] > 0) {
                result.add(DomainGrade.of(DOMAINS[d], worstPlusOne[d] - 1));
            }
        }
        return result;
    }

    /** The worst grade of the episode and the first instant that reached it; not assessed when no instant was. */
    public static PeakGrade peak(List<InstantGrade> grades) {
        InstantGrade best = null;
        for (InstantGrade g : grades) {
            if (g.assessed() && (best == null || g.grade().getAsInt() > best.grade().getAsInt())) {
                best = g;
            }
        }
        return best == null ? PeakGrade.NOT_ASSESSED : PeakGrade.of(best.grade().getAsInt(), best.time());
    }
}
