package org.toxgrade.flags;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which grade 3 hypertension limit applies to a patient's reading (docs/clinical-rules.md section 5,
 * {@code hypertension-grade3}; CTCAE v5 "Hypertension", grade 3: "Pediatric: Systolic and/or
 * diastolic >5 mmHg above the 99th percentile; Adolescent: Systolic >=140 or diastolic >=90 mmHg"),
 * by the age on the day of the reading (facility zone):
 * <ul>
 *   <li><b>adults</b>, from {@link FlagConfig#adultFromAge()} (default 18) or with no birth date
 *       (the adult rules, as the grading does; the evidence says so): systolic or diastolic at or
 *       above {@link FlagConfig#systolicThreshold()} / {@link FlagConfig#diastolicThreshold()};</li>
 *   <li><b>adolescents</b>, from {@link FlagConfig#adolescentFromAge()} (default 13, the age from
 *       which the 2017 AAP guideline uses fixed adult-type thresholds): at or above 140 / 90;</li>
 *   <li><b>children</b>: more than 5 mmHg above the 99th percentile of the Fourth Report for the
 *       whole years of age, the sex and the height z-score ({@link FourthReportBloodPressure}), as
 *       printed in its tables. The height is the body height charted nearest in time to the
 *       reading, its z-score from the CDC 2000 stature-for-age reference
 *       ({@link StatureForAge}) at the age it was measured, kept within the tables' 5th-95th
 *       height percentiles (children beyond are read in the outer columns, as with the printed
 *       tables). Without a height, or below 2 years (the stature reference begins at 24 months),
 *       the 50th height percentile row. Without a sex (not charted, or other or unknown), the lower
 *       of the boys' and the girls' limit for each component, each with its own height percentile: a
 *       child is never held to a higher limit than either table gives. Below 1 year, the 1-year row (the tables begin at 1 year).
 *       Each choice is named in the evidence.</li>
 * </ul>
 */
final class HypertensionLimits {

    /** CTCAE v5 adolescent grade 3: systolic >= 140 or diastolic >= 90 mmHg. */
    static final double ADOLESCENT_SYSTOLIC = 140;
    static final double ADOLESCENT_DIASTOLIC = 90;
    /** CTCAE v5 paediatric grade 3: more than this above the 99th percentile. */
    static final double ABOVE_99TH = 5;
    /** The tables' outer height columns, the 5th and 95th percentiles. */
    static final double Z_HEIGHT_LIMIT = 1.6448536;
    private static final double DAYS_PER_MONTH = 365.25 / 12;

    private final LocalDate birthDate;
    private final PatientContext patient;
    private final FlagConfig config;
    private final ZoneId zone;

    HypertensionLimits(LocalDate birthDate, PatientContext patient, FlagConfig config) {
        this.birthDate = birthDate;
        this.patient = patient;
        this.config = config;
        this.zone = config.zone();
    }

    /** Whether the adult limits apply at {@code t}: an adult, or no birth date. */
    boolean adultAt(Instant t) {
        return birthDate == null || years(t) >= config.adultFromAge();
    }

    HypertensionLimit at(Instant t) {
        if (birthDate == null) {
            return new HypertensionLimit(config.systolicThreshold(), config.diastolicThreshold(), true, List.of(),
                    "No birth date charted: the adult limits.");
        }
        int years = years(t);
        if (years >= config.adultFromAge()) {
            return new HypertensionLimit(config.systolicThreshold(), config.diastolicThreshold(), true, List.of(), "");
        }
        if (years >= config.adolescentFromAge()) {
            return new HypertensionLimit(ADOLESCENT_SYSTOLIC, ADOLESCENT_DIASTOLIC, true, List.of(),
                    "Adolescent of " + years + " years: at or above " + FlagRule.number(ADOLESCENT_SYSTOLIC) + "/"
                            + FlagRule.number(ADOLESCENT_DIASTOLIC) + " mmHg (CTCAE v5).");
        }
        return child(t, years);
    }

    private HypertensionLimit child(Instant t, int years) {
        List<String> notes = new ArrayList<>();
        int tableYears = years;
        if (years < FourthReportBloodPressure.FIRST_YEAR) {
            tableYears = FourthReportBloodPressure.FIRST_YEAR;
            notes.add("below 1 year: the 1-year row (the Fourth Report tables begin at 1 year)");
        }
        List<String> ids = new ArrayList<>();
        PatientContext.Height height = nearestHeight(t);
        Double months = null;
        if (height == null) {
            notes.add("height not charted: the 50th height percentile row");
        } else {
            ids.add(height.id());
            months = ChronoUnit.DAYS.between(birthDate, height.time().atZone(zone).toLocalDate()) / DAYS_PER_MONTH;
            if (months < StatureForAge.FIRST_MONTH) {
                notes.add("height percentile not used below 2 years (the CDC stature-for-age reference begins at 24"
                        + " months): the 50th height percentile row");
                months = null;
            }
        }
        String who;
        int[] limits;
        if (patient.sex() == PatientContext.Sex.UNKNOWN) {
            int[] boy = printed(true, tableYears, height, months, null);
            int[] girl = printed(false, tableYears, height, months, null);
            limits = new int[]{Math.min(boy[0], girl[0]), Math.min(boy[1], girl[1])};
            who = "Child";
            if (months != null) {
                notes.add("height " + centimetres(height) + " cm (" + percentileOf(true, months, height)
                        + " height percentile for a boy, " + percentileOf(false, months, height) + " for a girl)");
            }
            notes.add("sex not charted: the lower of the boys' and the girls' limits");
        } else {
            boolean male = patient.sex() == PatientContext.Sex.MALE;
            limits = printed(male, tableYears, height, months, notes);
            who = male ? "Boy" : "Girl";
        }
        String note = who + " of " + years + (years == 1 ? " year" : " years") + ": above "
                + (limits[0] + (int) ABOVE_99TH) + "/" + (limits[1] + (int) ABOVE_99TH)
                + " mmHg, the Fourth Report 99th percentile (" + limits[0] + "/" + limits[1]
                + ") + 5 (CTCAE v5); " + String.join("; ", notes) + ".";
        return new HypertensionLimit(limits[0] + ABOVE_99TH, limits[1] + ABOVE_99TH, false, ids, note);
    }

    /** The printed 99th percentiles, systolic and diastolic, for one sex; notes the height percentile used. */
    private static int[] printed(boolean male, int years, PatientContext.Height height, Double months,
            List<String> notes) {
        double z = 0;
        if (months != null) {
            double raw = rawZ(male, months, height);
            z = Math.max(-Z_HEIGHT_LIMIT, Math.min(Z_HEIGHT_LIMIT, raw));
            if (notes != null) {
                notes.add("height " + centimetres(height) + " cm (" + percentile(raw) + " height percentile"
                        + (z != raw ? ", read in the outer column" : "") + ")");
            }
        }
        FourthReportBloodPressure tables = FourthReportBloodPressure.tables();
        return new int[]{tables.printed99th(male, FourthReportBloodPressure.Component.SYSTOLIC, years, z),
                tables.printed99th(male, FourthReportBloodPressure.Component.DIASTOLIC, years, z)};
    }

    private static double rawZ(boolean male, double months, PatientContext.Height height) {
        return StatureForAge.reference().zScore(male, Math.min(months, StatureForAge.LAST_MONTH),
                height.centimetres());
    }

    private static String percentileOf(boolean male, double months, PatientContext.Height height) {
        return percentile(rawZ(male, months, height));
    }

    private static String centimetres(PatientContext.Height height) {
        return FlagRule.number(Math.round(height.centimetres() * 10) / 10.0);
    }

    private int years(Instant t) {
        LocalDate day = t.atZone(zone).toLocalDate();
        return day.isBefore(birthDate) ? 0 : Period.between(birthDate, day).getYears();
    }

    /** The height charted nearest in time to {@code t}; at equal distance the earlier, then the first id. */
    private PatientContext.Height nearestHeight(Instant t) {
        PatientContext.Height best = null;
        long bestDistance = Long.MAX_VALUE;
        for (PatientContext.Height h : patient.heights()) {
            long distance = Math.abs(ChronoUnit.SECONDS.between(h.time(), t));
            if (best == null || distance < bestDistance
                    || (distance == bestDistance && (h.time().isBefore(best.time())
                            || (h.time().equals(best.time()) && h.id().compareTo(best.id()) < 0)))) {
                best = h;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** A percentile as clinicians write it: 1st ... 99th, from a z-score. */
    static String percentile(double z) {
        int p = (int) Math.round(100 * standardNormal(z));
        p = Math.max(1, Math.min(99, p));
        int lastTwo = p % 100;
        String suffix = lastTwo >= 11 && lastTwo <= 13
                ? "th"
                : switch (p % 10) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
        return String.format(Locale.ROOT, "%d%s", p, suffix);
    }

    /** The standard normal distribution function (Abramowitz and Stegun 26.2.17, error below 1e-7). */
    static double standardNormal(double z) {
        double t = 1 / (1 + 0.2316419 * Math.abs(z));
        double poly = t * (0.319381530 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978
                + t * 1.330274429))));
        double upper = Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI) * poly;
        return z >= 0 ? 1 - upper : upper;
    }
}
