package org.toxgrade.derivation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;
import org.toxgrade.flags.FlagConfig;

/** Site-tunable parameters of the neurotoxicity flags (docs/clinical-rules.md section 5); see {@link FlagConfig}. */
@ConfigMapping(prefix = "toxgrade.flags")
public interface FlagSettings {

    /** Grade 3 hypertension at a systolic pressure at or above this (CTCAE v5 adult: 160 mmHg). */
    @WithDefault("160")
    double systolicThreshold();

    /** Grade 3 hypertension at a diastolic pressure at or above this (CTCAE v5 adult: 100 mmHg). */
    @WithDefault("100")
    double diastolicThreshold();

    /** From this age (whole years) the adolescent blood pressure limits apply: 140/90 mmHg (CTCAE v5). */
    @WithDefault("13")
    int adolescentFromAge();

    /** From this age (whole years) the adult blood pressure thresholds apply; younger children use the 99th percentile. */
    @WithDefault("18")
    int adultFromAge();

    /** A CRS or ICANS grade rise within this long after a steroid taper is a rebound. */
    @WithDefault("PT72H")
    Duration taperReboundWindow();

    /** Steroid doses further apart than this belong to different courses and are not compared. */
    @WithDefault("PT48H")
    Duration taperCourseGap();

    /** A steroid dose this much early or late still replaces the dose of 24 hours before in the daily totals. */
    @WithDefault("PT2H")
    Duration taperTimingTolerance();

    /** A fall of the 24-hour steroid total smaller than this percentage of it is not a taper. */
    @WithDefault("10")
    int taperMinimumFallPercent();

    /** Hypertension and encephalopathy, a seizure or a visual disturbance this close together suggest PRES. */
    @WithDefault("PT24H")
    Duration presWindow();

    /** How long a seizure or a clinical PRES suspicion keeps its flag active after it was last charted. */
    @WithDefault("PT72H")
    Duration pointFindingHold();

    /** How long weakness, peripheral and delayed findings keep their occurrence open without being charted again. */
    @WithDefault("P28D")
    Duration persistentFindingSilence();

    /** A new neurological finding after this episode day is delayed neurotoxicity. */
    @WithDefault("28")
    int delayedAfterDay();

    /** An ICE score this many points below the pre-infusion baseline counts as encephalopathy for PRES. */
    @WithDefault("1")
    int iceDropPoints();

    default FlagConfig toFlagConfig(ZoneId zone) {
        return new FlagConfig(systolicThreshold(), diastolicThreshold(), adolescentFromAge(), adultFromAge(),
                taperReboundWindow(), taperCourseGap(),
                taperTimingTolerance(), taperMinimumFallPercent(), presWindow(), pointFindingHold(),
                persistentFindingSilence(), delayedAfterDay(), iceDropPoints(), zone);
    }
}
