package org.toxgrade.episode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.toxgrade.flags.FlagOccurrence;
import org.toxgrade.grading.DayGrade;
import org.toxgrade.grading.SyndromeGrading;
import org.toxgrade.grading.fact.DrugDose;
import org.toxgrade.grading.fact.VasopressorInfusion;

/**
 * The day-by-day course of an episode, the data a chart draws: CRS and ICANS day grades, the flags
 * active on the day, the drugs given (boluses and doses by time; vasopressors on every day they
 * ran). From day 0 to the last day judged (the episode's as-of day, at most its window).
 */
public record CourseChart(String episodeKey, int episodeNumber, Instant infusion, List<Day> days) {

    public record Day(int day, LocalDate date, Integer crsGrade, Integer icansGrade, List<String> activeFlags,
            List<Drug> drugs) {
    }

    /** A drug given: {@code doseMg} and {@code dexamethasoneEquivalentMg} when known; vasopressors have neither. */
    public record Drug(String category, String agent, Instant time, Double doseMg, Double dexamethasoneEquivalentMg) {
    }

    public static CourseChart of(EpisodeDerivation episode, ZoneId zone) {
        LocalDate day0 = episode.window().infusion().atZone(zone).toLocalDate();
        Instant asOf = episode.grading().asOf();
        LocalDate lastDate = asOf.atZone(zone).toLocalDate();
        LocalDate windowLast = episode.window().end().minusNanos(1).atZone(zone).toLocalDate();
        if (lastDate.isAfter(windowLast)) {
            lastDate = windowLast;
        }
        List<Day> days = new ArrayList<>();
        for (LocalDate date = day0; !date.isAfter(lastDate); date = date.plusDays(1)) {
            int n = (int) java.time.temporal.ChronoUnit.DAYS.between(day0, date);
            Instant from = date.atStartOfDay(zone).toInstant();
            Instant to = date.plusDays(1).atStartOfDay(zone).toInstant();
            days.add(new Day(n, date, grade(episode.grading().crs(), n), grade(episode.grading().icans(), n),
                    activeFlags(episode.flags(), from, to), drugs(episode, from, to)));
        }
        return new CourseChart(episode.window().key(), episode.window().number(), episode.window().infusion(), days);
    }

    /** The day grade; {@code null} when the day was not assessed (the reason is not drawn yet) or is not graded. */
    private static Integer grade(SyndromeGrading grading, int day) {
        return grading.day(day).filter(DayGrade::assessed).map(d -> d.grade().getAsInt()).orElse(null);
    }

    private static List<String> activeFlags(List<FlagOccurrence> flags, Instant from, Instant to) {
        return flags.stream()
                .filter(f -> f.start().isBefore(to) && (f.end() == null || f.end().isAfter(from)))
                .map(f -> f.flag().code())
                .distinct()
                .toList();
    }

    private static List<Drug> drugs(EpisodeDerivation episode, Instant from, Instant to) {
        List<Drug> drugs = new ArrayList<>();
        for (VasopressorInfusion v : episode.facts().vasopressors()) {
            boolean running = v.start().isBefore(to) && (v.end() == null || v.end().isAfter(from));
            if (running) {
                drugs.add(new Drug("VASOPRESSOR", v.agent().name().toLowerCase(), v.start(), null, null));
            }
        }
        for (DrugDose d : episode.facts().drugs()) {
            if (!d.time().isBefore(from) && d.time().isBefore(to)) {
                drugs.add(
                        new Drug(d.category().name(), d.agent(), d.time(), d.doseMg(), d.dexamethasoneEquivalentMg()));
            }
        }
        drugs.sort(java.util.Comparator.comparing(Drug::time).thenComparing(Drug::agent));
        return drugs;
    }
}
