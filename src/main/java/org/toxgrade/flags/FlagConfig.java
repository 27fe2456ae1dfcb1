package org.toxgrade.flags;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Site-tunable parameters of the neurotoxicity flags. {@link #defaults()} follows docs/clinical-rules.md
 * section 5 and CTCAE v5; the choices the spec leaves open are explained per parameter.
 *
 * @param systolicThreshold      grade 3 hypertension at a systolic pressure at or above this (CTCAE v5 adult: 160 mmHg)
 * @param diastolicThreshold     grade 3 hypertension at a diastolic pressure at or above this (CTCAE v5 adult: 100 mmHg)
 * @param adolescentFromAge      from this age in whole years a patient is an adolescent for the blood pressure
 *                               limits: at or above 140 / 90 mmHg (CTCAE v5 adolescent grade 3; default 13, the
 *                               age from which the 2017 AAP guideline uses fixed adult-type thresholds); younger
 *                               children are judged against the Fourth Report's 99th percentile + 5 mmHg
 * @param adultFromAge           from this age the adult thresholds apply (default 18)
 * @param taperReboundWindow     a grade rise counts as a rebound when it comes within this long after a
 *                               taper (docs/clinical-rules.md: default 72 h; the end is inclusive)
 * @param taperCourseGap         a corticosteroid dose given more than this long after the previous one
 *                               starts a new course and is not compared with it, so that restarting
 *                               steroids is never read as a taper (default 48 h: covers once-daily
 *                               regimens with a late dose, and dosing every other day)
 * @param taperTimingTolerance   a dose given up to this much before or after the time it replaces a dose
 *                               of 24 hours earlier counts as its replacement in the daily totals
 *                               (default 2 h: the ISMP acceptable window for scheduled daily doses,
 *                               "within 2 hours before or after the scheduled time"; at most 6 h)
 * @param taperMinimumFallPercent a fall of the daily total smaller than this share of it is no taper
 *                               (default 10 %: what remains when a small dose beside a much larger
 *                               regimen is not repeated, seed PRES case days 12-16)
 * @param presWindow             hypertension and encephalopathy, a seizure or a visual disturbance count
 *                               together for PRES when at most this far apart, either order (default
 *                               24 h: the seed case's MRI on day 15 10:00 and BP 187/109 on day 16
 *                               09:00 are 23 h apart, and PRES evolves over hours)
 * @param pointFindingHold       how long an acute point finding keeps its flag active after it was
 *                               last charted: seizures and a clinically suspected PRES (default 72 h,
 *                               the period of highest seizure recurrence risk and of antiseizure
 *                               prophylaxis review)
 * @param persistentFindingSilence how long a persistent finding (motor weakness, peripheral and delayed
 *                               neurotoxicity) keeps its occurrence open without being charted again;
 *                               evidence of resolution ends it sooner where the input contract can say
 *                               so (default 28 days: such findings are charted at clinic visits; the
 *                               polyradiculopathy seed charts the persisting weakness on days 6 and 27 and
 *                               the EMG on day 52). Also the look-back that decides whether a finding is
 *                               new for delayed neurotoxicity
 * @param delayedAfterDay        a new neurological finding on a later episode day counts as delayed
 *                               neurotoxicity (docs/clinical-rules.md: after day 28)
 * @param iceDropPoints          an ICE score this many points or more below the pre-infusion baseline
 *                               counts as encephalopathy for PRES (default 1)
 * @param zone                   facility time zone for episode days; use the grading's
 *                               {@code GradingConfig.zone()}
 */
public record FlagConfig(double systolicThreshold, double diastolicThreshold, int adolescentFromAge,
        int adultFromAge, Duration taperReboundWindow,
        Duration taperCourseGap, Duration taperTimingTolerance, int taperMinimumFallPercent, Duration presWindow,
        Duration pointFindingHold, Duration persistentFindingSilence, int delayedAfterDay, int iceDropPoints,
        ZoneId zone) {

    public FlagConfig {
        requirePositive(taperReboundWindow, "taperReboundWindow");
        requirePositive(taperCourseGap, "taperCourseGap");
        Objects.requireNonNull(taperTimingTolerance, "taperTimingTolerance");
        if (taperTimingTolerance.isNegative() || taperTimingTolerance.compareTo(Duration.ofHours(6)) > 0) {
            throw new IllegalArgumentException("taperTimingTolerance must be within 0-6 h");
        }
        if (taperMinimumFallPercent < 0 || taperMinimumFallPercent > 99) {
            throw new IllegalArgumentException("taperMinimumFallPercent must be within 0-99");
        }
        requirePositive(presWindow, "presWindow");
        requirePositive(pointFindingHold, "pointFindingHold");
        requirePositive(persistentFindingSilence, "persistentFindingSilence");
        Objects.requireNonNull(zone, "zone");
        if (!(systolicThreshold > 0) || !(diastolicThreshold > 0)) {
            throw new IllegalArgumentException("blood pressure thresholds must be positive");
        }
        if (adolescentFromAge < 1 || adultFromAge < adolescentFromAge || adultFromAge > 21) {
            throw new IllegalArgumentException("adolescentFromAge must be at least 1 and at most adultFromAge (<= 21)");
        }
        if (delayedAfterDay < 0) {
            throw new IllegalArgumentException("delayedAfterDay must not be negative");
        }
        if (iceDropPoints < 1 || iceDropPoints > 10) {
            throw new IllegalArgumentException("iceDropPoints must be within 1-10");
        }
    }

    public static FlagConfig defaults() {
        return new FlagConfig(160, 100, 13, 18, Duration.ofHours(72), Duration.ofHours(48), Duration.ofHours(2), 10,
                Duration.ofHours(24), Duration.ofHours(72), Duration.ofDays(28), 28, 1, ZoneId.of("UTC"));
    }

    public FlagConfig withHypertensionThresholds(double systolic, double diastolic) {
        return new FlagConfig(systolic, diastolic, adolescentFromAge, adultFromAge, taperReboundWindow, taperCourseGap,
                taperTimingTolerance, taperMinimumFallPercent, presWindow, pointFindingHold, persistentFindingSilence,
                delayedAfterDay, iceDropPoints, zone);
    }

    /** The ages from which a patient is an adolescent and an adult for the blood pressure limits. */
    public FlagConfig withAgeGroups(int adolescentFrom, int adultFrom) {
        return new FlagConfig(systolicThreshold, diastolicThreshold, adolescentFrom, adultFrom, taperReboundWindow,
                taperCourseGap, taperTimingTolerance, taperMinimumFallPercent, presWindow, pointFindingHold,
                persistentFindingSilence, delayedAfterDay, iceDropPoints, zone);
    }

    public FlagConfig withTaperReboundWindow(Duration value) {
        return new FlagConfig(systolicThreshold, diastolicThreshold, adolescentFromAge, adultFromAge, value,
                taperCourseGap, taperTimingTolerance, taperMinimumFallPercent, presWindow, pointFindingHold,
                persistentFindingSilence, delayedAfterDay, iceDropPoints, zone);
    }

    public FlagConfig withTaperCourseGap(Duration value) {
        return new FlagConfig(systolicThreshold, diastolicThreshold, adolescentFromAge, adultFromAge,
                taperReboundWindow, value, taperTimingTolerance, taperMinimumFallPercent, presWindow, pointFindingHold,
                persistentFindingSilence, delayedAfterDay, iceDropPoints, zone);
    }

    public FlagConfig withTaperTimingTolerance(Duration value) {
        return new FlagConfig(systolicThreshold, diastolicThreshold, adolescentFromAge, adultFromAge,
                taperReboundWindow, taperCourseGap, value, taperMinimumFallPercent, presWindow, pointFindingHold,
                persistentFindingSilence, delayedAfterDay, iceDropPoints, zone);
    }

    public FlagConfig withTaperMinimumFallPercent(int value) {
        return new FlagConfig(systolicThreshold, diastolicThreshold, adolescentFromAge, adultFromAge,
                taperReboundWindow, taperCourseGap, taperTimingTolerance, value, presWindow, pointFindingHold,
                persistentFindingSilence, delayedAfterDay, iceDropPoints, zone);
    }

    public FlagConfig withPresWindow(Duration value) {
        return new FlagConfig(systolicThreshold, diastolicThreshold, adolescentFromAge, adultFromAge,
                taperReboundWindow, taperCourseGap, taperTimingTolerance, taperMinimumFallPercent, value,
                pointFindingHold, persistentFindingSilence, delayedAfterDay, iceDropPoints, zone);
    }

    public FlagConfig withPointFindingHold(Duration value) {
        return new FlagConfig(systolicThreshold, diastolicThreshold, adolescentFromAge, adultFromAge,
                taperReboundWindow, taperCourseGap, taperTimingTolerance, taperMinimumFallPercent, presWindow, value,
                persistentFindingSilence, delayedAfterDay, iceDropPoints, zone);
    }

    public FlagConfig withPersistentFindingSilence(Duration value) {
        return new FlagConfig(systolicThreshold, diastolicThreshold, adolescentFromAge, adultFromAge,
                taperReboundWindow, taperCourseGap, taperTimingTolerance, taperMinimumFallPercent, presWindow,
                pointFindingHold, value, delayedAfterDay, iceDropPoints, zone);
    }

    public FlagConfig withDelayedAfterDay(int value) {
        return new FlagConfig(systolicThreshold, diastolicThreshold, adolescentFromAge, adultFromAge,
                taperReboundWindow, taperCourseGap, taperTimingTolerance, taperMinimumFallPercent, presWindow,
                pointFindingHold, persistentFindingSilence, value, iceDropPoints, zone);
    }

    public FlagConfig withIceDropPoints(int value) {
        return new FlagConfig(systolicThreshold, diastolicThreshold, adolescentFromAge, adultFromAge,
                taperReboundWindow, taperCourseGap, taperTimingTolerance, taperMinimumFallPercent, presWindow,
                pointFindingHold, persistentFindingSilence, delayedAfterDay, value, zone);
    }

    public FlagConfig withZone(ZoneId value) {
        return new FlagConfig(systolicThreshold, diastolicThreshold, adolescentFromAge, adultFromAge,
                taperReboundWindow, taperCourseGap, taperTimingTolerance, taperMinimumFallPercent, presWindow,
                pointFindingHold, persistentFindingSilence, delayedAfterDay, iceDropPoints, value);
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
