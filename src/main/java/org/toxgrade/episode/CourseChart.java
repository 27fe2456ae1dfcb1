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
import org.toxgrade.flags.SteroidTaper;
import org.toxgrade.grading.DayGrade;
import org.toxgrade.grading.Domain;
import org.toxgrade.grading.Evidence;
import org.toxgrade.grading.InstantGrade;
import org.toxgrade.grading.Note;
import org.toxgrade.grading.Spell;
import org.toxgrade.grading.Syndrome;
import org.toxgrade.grading.SyndromeGrading;
import org.toxgrade.grading.fact.DrugDose;
import org.toxgrade.grading.fact.IceScore;
import org.toxgrade.grading.fact.VasopressorInfusion;
import org.toxgrade.grading.icaht.AncValue;
import org.toxgrade.grading.icaht.IcahtDay;
import org.toxgrade.grading.timeline.AdministrationRuns;
import org.toxgrade.grading.timeline.Holding;
import org.toxgrade.grading.timeline.Interval;

/**
 * The day-by-day course of an episode, the data a chart draws: each syndrome's day grade, or "not
 * assessed" with its reason (never 0: docs/clinical-rules.md section 4), the flags active on the day,
 * the drugs given (doses by time; vasopressors on every day they ran, by the same status rules as the
 * grading). From day 0 to the last day judged (the episode's as-of day, at most its window).
 * {@code lastIceAssessment} is the latest ICE charted up to the as-of instant (performed or not), for
 * the ward worklist's overdue check; {@code null} when there is none. {@code tapers} are the steroid tapers
 * a chart marks, {@code spells} each syndrome's onsets, abatements and resolutions.
 */
public record CourseChart(String episodeKey, int episodeNumber, Instant infusion, List<Day> days,
        Instant lastIceAssessment, List<Taper> tapers, List<SpellMark> spells) {

    /**
     * A spell of a syndrome (onset to resolution, docs/clinical-rules.md section 4, "course"), with the days a
     * chart marks; {@code abatementDay} and {@code resolvedDay} null while it has not abated or resolved.
     */
    public record SpellMark(String syndrome, int number, Instant onset, int onsetDay, int peakGrade,
            Instant abatement, Integer abatementDay, Instant resolvedAt, Integer resolvedDay) {
    }

    /**
     * A corticosteroid taper as the {@code steroid-taper-rebound} rule reads it: from its first lower dose
     * ({@code start}, day {@code startDay}) to its last step down, with the records of its doses.
     */
    public record Taper(Instant start, int startDay, Instant lastStep, int lastStepDay, List<String> factIds) {
    }

    /**
     * @param grades by {@link Syndrome#code() syndrome code} ({@code crs}, {@code icans}), in the order of
     *     {@link Syndrome}, then the ICAHT course under {@link #ICAHT}
     */
    public record Day(int day, LocalDate date, Map<String, SyndromeDay> grades, List<String> activeFlags,
            List<Drug> drugs) {
    }

    /**
     * One syndrome on one day, with what made the grade (the evidence of the first instant of the day
     * that reached it): the fields after {@code notAssessed} were added for the chart's evidence panel,
     * readers of the first two keep working.
     *
     * @param grade           the day grade, {@code null} when the day was not assessed
     * @param notAssessed     why it was not assessed, {@code null} when it was
     * @param setAt           the first instant of the day that reached the grade, {@code null} when not assessed
     * @param domains         each domain assessed that day with its worst grade ({@code hypotension: 3})
     * @param decisiveDomains the domains whose grade made the grade at {@code setAt}
     * @param factIds         the records behind the grade at {@code setAt}
     * @param ruleIds         the ASTCT rules applied at {@code setAt}
     * @param notes           remarks a clinician must see (fever masking, sedation, exclusions)
     * @param explanation     the above in one sentence
     */
    public record SyndromeDay(Integer grade, String notAssessed, Instant setAt, Map<String, Integer> domains,
            List<String> decisiveDomains, List<String> factIds, List<String> ruleIds, List<String> notes,
            String explanation) {
    }

    /**
     * A drug given: {@code doseMg} and {@code dexamethasoneEquivalentMg} when known; a vasopressor has
     * neither, and {@code end} is where its run ends ({@code null} while it is still running).
     */
    public record Drug(String category, String agent, Instant time, Instant end, Double doseMg,
            Double dexamethasoneEquivalentMg) {
    }

    /** The key of the ICAHT course in each day's grades, beside the syndromes'. */
    public static final String ICAHT = "icaht";

    /** The syndrome's code as the chart and the Conditions name it. */
    public static String code(Syndrome syndrome) {
        return syndrome.code();
    }

    public static CourseChart of(EpisodeDerivation episode, ZoneId zone, List<SteroidTaper> steroidTapers) {
        LocalDate day0 = episode.window().infusion().atZone(zone).toLocalDate();
        Instant asOf = episode.grading().asOf();
        LocalDate lastDate = asOf.atZone(zone).toLocalDate();
        LocalDate windowLast = episode.window().end().minusNanos(1).atZone(zone).toLocalDate();
        if (lastDate.isAfter(windowLast)) {
            lastDate = windowLast;
        }
        List<Holding<VasopressorInfusion>> vasopressorRuns = AdministrationRuns.of(episode.facts().vasopressors(),
                VasopressorInfusion::agent, VasopressorInfusion::end, VasopressorInfusion::status, true);
        Instant lastIce = episode.facts().iceScores().stream().map(IceScore::time).filter(t -> !t.isAfter(asOf))
                .max(Comparator.naturalOrder()).orElse(null);
        List<Day> days = new ArrayList<>();
        for (LocalDate date = day0; !date.isAfter(lastDate); date = date.plusDays(1)) {
            int n = (int) ChronoUnit.DAYS.between(day0, date);
            Instant from = date.atStartOfDay(zone).toInstant();
            Instant to = date.plusDays(1).atStartOfDay(zone).toInstant();
            Map<String, SyndromeDay> grades = new LinkedHashMap<>();
            for (Syndrome syndrome : Syndrome.values()) {
                SyndromeGrading grading = episode.grading().of(syndrome);
                grades.put(code(syndrome), of(syndrome, grading, grading.day(n)));
            }
            grades.put(ICAHT, icaht(episode.icaht().day(n)));
            days.add(new Day(n, date, grades, activeFlags(episode.flags(), from, to),
                    drugs(episode, vasopressorRuns, from, to)));
        }
        List<Taper> tapers = steroidTapers.stream()
                .map(t -> new Taper(t.start(), dayOf(day0, t.start(), zone), t.lastStep(),
                        dayOf(day0, t.lastStep(), zone), t.factIds()))
                .toList();
        List<SpellMark> spells = new ArrayList<>();
        for (Syndrome syndrome : Syndrome.values()) {
            for (Spell spell : episode.grading().of(syndrome).course().spells()) {
                spells.add(new SpellMark(code(syndrome), spell.number(), spell.onset(),
                        dayOf(day0, spell.onset(), zone),
                        spell.peakGrade(), spell.abatement().orElse(null),
                        spell.abatement().map(t -> dayOf(day0, t, zone)).orElse(null), spell.resolvedAt().orElse(null),
                        spell.resolvedAt().map(t -> dayOf(day0, t, zone)).orElse(null)));
            }
        }
        return new CourseChart(episode.window().key(), episode.window().number(), episode.window().infusion(), days,
                lastIce, tapers, spells);
    }

    private static int dayOf(LocalDate day0, Instant time, ZoneId zone) {
        return (int) ChronoUnit.DAYS.between(day0, time.atZone(zone).toLocalDate());
    }

    private static SyndromeDay of(Syndrome syndrome, SyndromeGrading grading, Optional<DayGrade> day) {
        if (day.isEmpty()) {
            return notAssessed(syndrome, "outside the graded days of the episode");
        }
        DayGrade d = day.get();
        if (!d.assessed()) {
            return notAssessed(syndrome, d.notAssessed().orElseThrow().text());
        }
        Instant setAt = d.setAt().orElseThrow();
        Map<String, Integer> domains = new LinkedHashMap<>();
        d.domains().forEach(g -> domains.put(name(g.domain()), g.grade()));
        Evidence evidence = grading.at(setAt).map(InstantGrade::evidence).orElse(Evidence.NONE);
        List<String> decisive = evidence.decisiveDomains().stream().map(CourseChart::name).toList();
        List<String> notes = evidence.notes().stream().map(Note::text).distinct().toList();
        return new SyndromeDay(d.grade().getAsInt(), null, setAt, domains, decisive, evidence.factIds(),
                evidence.ruleIds(), notes,
                explanation(syndrome, d.grade().getAsInt(), setAt, decisive, evidence, notes));
    }

    /**
     * The ICAHT entry of a day (CLINICAL-SPEC section 9): the phase's grade as judged at the end of the day, from
     * the day's lowest neutrophil count and those before it; a day without a count is not assessed.
     */
    private static SyndromeDay icaht(Optional<IcahtDay> day) {
        if (day.isEmpty()) {
            return new SyndromeDay(null, "outside the graded days of the episode", null, Map.of(), List.of(),
                    List.of(), List.of(), List.of(), "ICAHT not assessed: outside the graded days of the episode");
        }
        IcahtDay d = day.get();
        String phase = switch (d.phase()) {
            case EARLY -> "Early ICAHT";
            case LATE -> "Late ICAHT";
        };
        if (d.lowest().isEmpty()) {
            String reason = "no neutrophil count";
            return new SyndromeDay(null, reason, null, Map.of(), List.of(), List.of(), List.of(), List.of(),
                    phase + " not assessed: " + reason + " (not the same as grade 0)");
        }
        AncValue lowest = d.lowest().get();
        List<String> factIds = new ArrayList<>();
        factIds.add(lowest.id());
        factIds.addAll(d.gcsfIds());
        int grade = d.grade().orElseThrow();
        String explanation = phase + " grade " + grade + " as of day " + d.day() + ", lowest ANC of the day "
                + lowest.gigaPerLitre() + " x 10*9/L at " + lowest.time()
                + (d.ruleIds().isEmpty() ? "" : " (rules " + String.join(", ", d.ruleIds()) + ")") + ", from "
                + String.join(", ", factIds) + (d.notes().isEmpty() ? "" : ". Notes: " + String.join("; ", d.notes()));
        return new SyndromeDay(grade, null, lowest.time(), Map.of(), List.of(), factIds, d.ruleIds(), d.notes(),
                explanation);
    }

    private static SyndromeDay notAssessed(Syndrome syndrome, String reason) {
        return new SyndromeDay(null, reason, null, Map.of(), List.of(), List.of(), List.of(), List.of(),
                syndrome + " not assessed: " + reason + " (not the same as grade 0)");
    }

    /**
     * "CRS grade 3 from 2026-03-07T08:00:00Z, decided by hypotension (rules ASTCT-CRS-...; records
     * Observation/x, ...)", in the words of the Conditions' explanations (publish.build.Explanations).
     */
    private static String explanation(Syndrome syndrome, int grade, Instant setAt, List<String> decisive,
            Evidence evidence, List<String> notes) {
        StringBuilder text = new StringBuilder().append(syndrome).append(" grade ").append(grade).append(" from ")
                .append(setAt);
        if (grade == 0) {
            text.append(": assessed, no finding that grades");
        } else {
            text.append(", decided by ").append(decisive.isEmpty() ? "no single domain" : String.join(" + ", decisive));
        }
        if (!evidence.ruleIds().isEmpty()) {
            text.append(" (rules ").append(String.join(", ", evidence.ruleIds())).append(')');
        }
        if (!evidence.factIds().isEmpty()) {
            text.append(", from ").append(String.join(", ", evidence.factIds()));
        }
        if (!notes.isEmpty()) {
            text.append(". Notes: ").append(String.join("; ", notes));
        }
        return text.toString();
    }

    private static String name(Domain domain) {
        return domain.name().toLowerCase(Locale.ROOT).replace('_', ' ');
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
