package org.toxgrade.episode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.toxgrade.flags.FlagOccurrence;
import org.toxgrade.grading.DayGrade;
import org.toxgrade.grading.Syndrome;
import org.toxgrade.grading.fact.DrugDose;
import org.toxgrade.grading.fact.VasopressorInfusion;
import org.toxgrade.grading.timeline.AdministrationRuns;
import org.toxgrade.grading.timeline.Holding;
import org.toxgrade.grading.timeline.Interval;

/**
 * The day-by-day course of an episode, the data a chart draws: each syndrome's day grade, or "not
 * assessed" with its reason (never 0: docs/clinical-rules.md section 4), the flags active on the day,
 * the drugs given (doses by time; vasopressors on every day they ran, by the same status rules as the
 * grading). From day 0 to the last day judged (the episode's as-of day, at most its window).
 */
public record CourseChart(String episodeKey, int episodeNumber, Instant infusion, List<Day> days) {

    /** @param grades by syndrome code ({@code crs}, {@code icans}), in the order of {@link Syndrome} */
    public record Day(int day, LocalDate date, Map<String, SyndromeDay> grades, List<String> activeFlags,
            List<Drug> drugs) {
    }

    /**
     * One syndrome on one day.
     *
     * @param grade       the day grade, {@code null} when the day was not assessed
     * @param notAssessed why it was not assessed, {@code null} when it was
     */
    public record SyndromeDay(Integer grade, String notAssessed) {
    }

    /**
     * A drug given: {@code doseMg} and {@code dexamethasoneEquivalentMg} when known; a vasopressor has
     * neither, and {@code end} is where its run ends ({@code null} while it is still running).
     */
    public record Drug(String category, String agent, Instant time, Instant end, Double doseMg,
            Double dexamethasoneEquivalentMg) {
    }

    /** The syndrome's code as the chart and the Conditions name it. */
    public static String code(Syndrome syndrome) {
        return syndrome.name().toLowerCase(Locale.ROOT);
    }

    public static CourseChart of(EpisodeDerivation episode, ZoneId zone) {
        LocalDate day0 = episode.window().infusion().atZone(zone).toLocalDate();
        Instant asOf = episode.grading().asOf();
        LocalDate lastDate = asOf.atZone(zone).toLocalDate();
        LocalDate windowLast = episode.window().end().minusNanos(1).atZone(zone).toLocalDate();
        if (lastDate.isAfter(windowLast)) {
            lastDate = windowLast;
        }
        List<Holding<VasopressorInfusion>> vasopressorRuns = AdministrationRuns.of(episode.facts().vasopressors(),
                VasopressorInfusion::agent, VasopressorInfusion::end, VasopressorInfusion::status, true);
        List<Day> days = new ArrayList<>();
        for (LocalDate date = day0; !date.isAfter(lastDate); date = date.plusDays(1)) {
            int n = (int) ChronoUnit.DAYS.between(day0, date);
            Instant from = date.atStartOfDay(zone).toInstant();
            Instant to = date.plusDays(1).atStartOfDay(zone).toInstant();
            Map<String, SyndromeDay> grades = new LinkedHashMap<>();
            for (Syndrome syndrome : Syndrome.values()) {
                grades.put(code(syndrome), of(episode.grading().of(syndrome).day(n)));
            }
            days.add(new Day(n, date, grades, activeFlags(episode.flags(), from, to),
                    drugs(episode, vasopressorRuns, from, to)));
        }
        return new CourseChart(episode.window().key(), episode.window().number(), episode.window().infusion(), days);
    }

    private static SyndromeDay of(Optional<DayGrade> day) {
        if (day.isEmpty()) {
            return new SyndromeDay(null, "outside the graded days of the episode");
        }
        DayGrade d = day.get();
        return d.assessed()
                ? new SyndromeDay(d.grade().getAsInt(), null)
                : new SyndromeDay(null, d.notAssessed().orElseThrow().text());
    }

    private static List<String> activeFlags(List<FlagOccurrence> flags, Instant from, Instant to) {
        return flags.stream()
                .filter(f -> f.start().isBefore(to) && (f.end() == null || f.end().isAfter(from)))
                .map(f -> f.flag().code())
                .distinct()
                .toList();
    }

    private static List<Drug> drugs(EpisodeDerivation episode, List<Holding<VasopressorInfusion>> vasopressorRuns,
            Instant from, Instant to) {
        List<Drug> drugs = new ArrayList<>();
        for (Holding<VasopressorInfusion> run : vasopressorRuns) {
            Interval interval = run.interval();
            boolean onThisDay = interval.start().isBefore(to)
                    && (interval.open() || interval.end().isAfter(from)
                            || interval.endInclusive() && !interval.end().isBefore(from));
            if (onThisDay) {
                VasopressorInfusion v = run.fact();
                drugs.add(new Drug("VASOPRESSOR", v.agent().name().toLowerCase(Locale.ROOT), interval.start(),
                        interval.end(), null, null));
            }
        }
        for (DrugDose d : episode.facts().drugs()) {
            if (!d.time().isBefore(from) && d.time().isBefore(to)) {
                drugs.add(new Drug(d.category().name(), d.agent(), d.time(), null, d.doseMg(),
                        d.dexamethasoneEquivalentMg()));
            }
        }
        drugs.sort(Comparator.comparing(Drug::time).thenComparing(Drug::agent));
        return drugs;
    }
}
