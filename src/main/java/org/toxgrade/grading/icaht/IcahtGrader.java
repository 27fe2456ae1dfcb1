package org.toxgrade.grading.icaht;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.toxgrade.grading.fact.DrugDose;
import org.toxgrade.grading.timeline.EpisodeClock;

/**
 * Immune effector cell-associated hematotoxicity (ICAHT) by the EHA/EBMT consensus (Rejeski et al., Blood
 * 2023;142:865), as CLINICAL-SPEC section 9 states it. A pure function of its arguments.
 *
 * <p><b>Early ICAHT</b> (days 0-30): the lowest ANC of each calendar day counts. A neutropenic period begins on a
 * day at or below 0.5 x 10*9/L and ends at the first of 3 consecutive days above it, so dips separated by fewer
 * days above the threshold are one period; a day without a count neither continues nor breaks a run of days
 * above. The period's days run from its first to its last day below, the days in between included. Grade 1 for
 * 1-6 such days, 2 for 7-13, 3 for 14 or more or 7-13 days below 0.1, 4 for 14 or more days below 0.1 or a
 * period that never recovers (still open at the end of day 30 with the last count of the phase below the
 * threshold). An open period whose last count is above the threshold but whose recovery is not yet confirmed is
 * counted to its last day below, with a note.
 *
 * <p><b>Late ICAHT</b> (after day 30, to day 100): the lowest ANC; grade 1 at or below 1.5, 2 at or below 1.0,
 * 3 at or below 0.5, 4 below 0.1 x 10*9/L. Confirmed when at least two counts reach the grade; a grade from a
 * single count is given provisionally, with a note.
 *
 * <p>G-CSF doses of the phase are listed in the evidence and never change the grade.
 */
public final class IcahtGrader {

    /** Late ICAHT thresholds (10*9/L) of grades 1 to 3: at or below. Grade 4 is below the severe threshold. */
    private static final double[] LATE_AT_OR_BELOW = {1.5, 1.0, 0.5};

    private final IcahtConfig config;
    private final EpisodeClock clock;

    public IcahtGrader(IcahtConfig config, EpisodeClock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param counts the episode's neutrophil counts, in any order
     * @param drugs  the episode's drug doses; those of category {@code G_CSF} are evidence
     * @param asOf   counts after it are ignored; the course runs to its day (at most the late phase's last day)
     */
    public IcahtGrading grade(List<AncValue> counts, List<DrugDose> drugs, Instant asOf) {
        List<AncValue> sorted = counts.stream().filter(c -> !c.time().isAfter(asOf) && clock.day(c.time()) >= 0)
                .sorted(Comparator.comparing(AncValue::time).thenComparing(AncValue::id)).toList();
        List<DrugDose> gcsf = drugs.stream()
                .filter(d -> d.category() == DrugDose.Category.G_CSF && !d.time().isAfter(asOf)
                        && clock.day(d.time()) >= 0)
                .sorted(Comparator.comparing(DrugDose::time).thenComparing(DrugDose::id)).toList();
        int lastDay = Math.min(clock.day(asOf), config.lateLastDay());
        List<IcahtDay> days = new ArrayList<>();
        for (int day = 0; day <= lastDay; day++) {
            days.add(day(day, sorted, gcsf));
        }
        return new IcahtGrading(early(sorted, gcsf, Math.min(lastDay, config.earlyLastDay())),
                late(sorted, gcsf, lastDay), days);
    }

    private IcahtDay day(int day, List<AncValue> counts, List<DrugDose> gcsf) {
        IcahtPhase phase = day <= config.earlyLastDay() ? IcahtPhase.EARLY : IcahtPhase.LATE;
        Optional<AncValue> lowest = lowest(counts, day, day);
        List<String> gcsfIds = gcsf.stream().filter(d -> clock.day(d.time()) == day).map(DrugDose::id).toList();
        if (lowest.isEmpty()) {
            return new IcahtDay(day, phase, OptionalInt.empty(), lowest, gcsfIds, List.of(), List.of());
        }
        IcahtGrade asOfDay = switch (phase) {
            case EARLY -> early(counts, gcsf, day);
            case LATE -> late(counts, gcsf, day);
        };
        return new IcahtDay(day, phase, asOfDay.grade(), lowest, gcsfIds, asOfDay.ruleIds(), asOfDay.notes());
    }

    /** Early ICAHT from the counts of days 0 to {@code lastDay} (at most day 30). */
    private IcahtGrade early(List<AncValue> counts, List<DrugDose> gcsf, int lastDay) {
        TreeMap<Integer, AncValue> byDay = lowestByDay(counts, 0, lastDay);
        List<String> gcsfIds = doseIds(gcsf, 0, lastDay);
        List<String> notes = new ArrayList<>();
        if (byDay.isEmpty()) {
            return new IcahtGrade(IcahtPhase.EARLY, OptionalInt.empty(), List.of(), 0, 0, false, true,
                    Optional.empty(), Optional.empty(), Optional.empty(), List.of(), gcsfIds, List.of(),
                    gcsfNote(gcsfIds, notes));
        }
        List<NeutropenicPeriod> periods = periods(byDay, lastDay, true);
        List<NeutropenicPeriod> severe = periods(byDay, lastDay, false);
        int days = join(periods);
        int severeDays = join(severe);
        AncValue last = byDay.lastEntry().getValue();
        boolean open = !periods.isEmpty() && !periods.get(periods.size() - 1).recovered();
        boolean windowClosed = lastDay >= config.earlyLastDay();
        boolean neverRecovered = open && windowClosed && config.neutropenic(last.gigaPerLitre());
        if (open && !config.neutropenic(last.gigaPerLitre())) {
            notes.add("recovery above " + config.neutropeniaThreshold() + " x 10*9/L not yet confirmed by "
                    + config.recoveryDays() + " consecutive days");
        }
        int grade;
        String rule;
        if (neverRecovered) {
            grade = 4;
            rule = "EHA-EBMT-ICAHT-EARLY-4-NO-RECOVERY";
        } else if (severeDays >= 14) {
            grade = 4;
            rule = "EHA-EBMT-ICAHT-EARLY-4";
        } else if (days >= 14 || severeDays >= 7) {
            grade = 3;
            rule = "EHA-EBMT-ICAHT-EARLY-3";
        } else if (days >= 7) {
            grade = 2;
            rule = "EHA-EBMT-ICAHT-EARLY-2";
        } else if (days >= 1) {
            grade = 1;
            rule = "EHA-EBMT-ICAHT-EARLY-1";
        } else {
            grade = 0;
            rule = "EHA-EBMT-ICAHT-EARLY-0";
        }
        Optional<Instant> onset = periods.isEmpty()
                ? Optional.empty()
                : Optional.of(byDay.get(periods.get(0).firstDay()).time());
        Optional<Instant> abatement = periods.isEmpty() || open
                ? Optional.empty()
                : Optional.of(byDay.get(periods.get(periods.size() - 1).recoveryDay().getAsInt()).time());
        if (config.periodJoin() == PeriodJoin.SUM && periods.size() > 1) {
            notes.add(periods.size() + " neutropenic periods, their days summed");
        }
        return new IcahtGrade(IcahtPhase.EARLY, OptionalInt.of(grade), periods, days, severeDays, neverRecovered,
                true, lowest(counts, 0, lastDay), onset, abatement, ancIds(counts, 0, lastDay), gcsfIds, List.of(rule),
                gcsfNote(gcsfIds, notes));
    }

    /** Late ICAHT from the counts after day 30 to {@code lastDay}; not assessed before day 31. */
    private IcahtGrade late(List<AncValue> counts, List<DrugDose> gcsf, int lastDay) {
        int first = config.earlyLastDay() + 1;
        List<AncValue> phase = counts.stream().filter(c -> within(clock.day(c.time()), first, lastDay)).toList();
        List<String> gcsfIds = doseIds(gcsf, first, lastDay);
        List<String> notes = new ArrayList<>();
        if (phase.isEmpty()) {
            return new IcahtGrade(IcahtPhase.LATE, OptionalInt.empty(), List.of(), 0, 0, false, true,
                    Optional.empty(), Optional.empty(), Optional.empty(), List.of(), gcsfIds, List.of(),
                    gcsfNote(gcsfIds, notes));
        }
        AncValue lowest = phase.stream().min(Comparator.comparingDouble(AncValue::gigaPerLitre)).orElseThrow();
        int grade = lateGrade(lowest.gigaPerLitre());
        long reaching = phase.stream().filter(c -> lateGrade(c.gigaPerLitre()) >= grade).count();
        boolean confirmed = grade == 0 || reaching >= 2;
        if (!confirmed) {
            notes.add("grade " + grade + " from a single count (" + lowest.gigaPerLitre()
                    + " x 10*9/L), not confirmed by a second: provisional");
        }
        Optional<Instant> onset = phase.stream().filter(c -> lateGrade(c.gigaPerLitre()) >= 1).map(AncValue::time)
                .findFirst();
        Optional<Instant> abatement = Optional.empty();
        if (onset.isPresent()) {
            Instant lastGraded = phase.stream().filter(c -> lateGrade(c.gigaPerLitre()) >= 1).map(AncValue::time)
                    .reduce((a, b) -> b).orElseThrow();
            abatement = phase.stream().filter(c -> c.time().isAfter(lastGraded)).map(AncValue::time).findFirst();
        }
        String rule = "EHA-EBMT-ICAHT-LATE-" + grade + (confirmed ? "" : "-SINGLE-VALUE");
        return new IcahtGrade(IcahtPhase.LATE, OptionalInt.of(grade), List.of(), 0, 0, false, confirmed,
                Optional.of(lowest), onset, abatement, phase.stream().map(AncValue::id).toList(), gcsfIds,
                List.of(rule), gcsfNote(gcsfIds, notes));
    }

    private int lateGrade(double gigaPerLitre) {
        if (config.severe(gigaPerLitre)) {
            return 4;
        }
        for (int g = LATE_AT_OR_BELOW.length; g >= 1; g--) {
            if (gigaPerLitre <= LATE_AT_OR_BELOW[g - 1]) {
                return g;
            }
        }
        return 0;
    }

    /**
     * The periods below the neutropenia threshold ({@code neutropenia}) or the severe one, over the days with a
     * count up to {@code lastDay}.
     */
    private List<NeutropenicPeriod> periods(TreeMap<Integer, AncValue> byDay, int lastDay, boolean neutropenia) {
        List<NeutropenicPeriod> periods = new ArrayList<>();
        Integer first = null;
        int lastBelow = -1;
        int runStart = -1;
        int run = 0;
        int previousDay = Integer.MIN_VALUE;
        for (var entry : byDay.entrySet()) {
            int day = entry.getKey();
            if (day > lastDay) {
                break;
            }
            double anc = entry.getValue().gigaPerLitre();
            boolean below = neutropenia ? config.neutropenic(anc) : config.severe(anc);
            if (below) {
                if (first == null) {
                    first = day;
                }
                lastBelow = day;
                run = 0;
            } else if (first != null) {
                // Recovery takes consecutive calendar days above the threshold: a day without a count breaks the run.
                run = run > 0 && day == previousDay + 1 ? run + 1 : 1;
                if (run == 1) {
                    runStart = day;
                }
                if (run == config.recoveryDays()) {
                    periods.add(new NeutropenicPeriod(first, lastBelow, OptionalInt.of(runStart)));
                    first = null;
                    run = 0;
                }
            }
            previousDay = day;
        }
        if (first != null) {
            periods.add(new NeutropenicPeriod(first, lastBelow, OptionalInt.empty()));
        }
        return periods;
    }

    private int join(List<NeutropenicPeriod> periods) {
        return switch (config.periodJoin()) {
            case LONGEST -> periods.stream().mapToInt(NeutropenicPeriod::days).max().orElse(0);
            case SUM -> periods.stream().mapToInt(NeutropenicPeriod::days).sum();
        };
    }

    private TreeMap<Integer, AncValue> lowestByDay(List<AncValue> counts, int from, int to) {
        TreeMap<Integer, AncValue> byDay = new TreeMap<>();
        for (AncValue c : counts) {
            int day = clock.day(c.time());
            if (within(day, from, to)) {
                byDay.merge(day, c, (a, b) -> b.gigaPerLitre() < a.gigaPerLitre() ? b : a);
            }
        }
        return byDay;
    }

    private Optional<AncValue> lowest(List<AncValue> counts, int from, int to) {
        return counts.stream().filter(c -> within(clock.day(c.time()), from, to))
                .min(Comparator.comparingDouble(AncValue::gigaPerLitre));
    }

    private List<String> ancIds(List<AncValue> counts, int from, int to) {
        return counts.stream().filter(c -> within(clock.day(c.time()), from, to)).map(AncValue::id).toList();
    }

    private List<String> doseIds(List<DrugDose> doses, int from, int to) {
        return doses.stream().filter(d -> within(clock.day(d.time()), from, to)).map(DrugDose::id).toList();
    }

    private static boolean within(int day, int from, int to) {
        return day >= from && day <= to;
    }

    /** G-CSF is recorded with the grade and never changes it (CLINICAL-SPEC section 9). */
    private static List<String> gcsfNote(List<String> gcsfIds, List<String> notes) {
        if (!gcsfIds.isEmpty()) {
            notes.add("G-CSF given (" + gcsfIds.size() + (gcsfIds.size() == 1 ? " dose" : " doses")
                    + "): recorded, does not change the grade");
        }
        return notes;
    }
}
