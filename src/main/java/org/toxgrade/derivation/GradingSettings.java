package org.toxgrade.derivation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import org.toxgrade.grading.GradingConfig;
import org.toxgrade.grading.HypotensionThresholds;

/** Site-tunable grading parameters (docs/clinical-rules.md sections 2-4); defaults follow ASTCT 2019. */
@ConfigMapping(prefix = "toxgrade.grading")
public interface GradingSettings {

    /** Fever is a temperature at or above this, in degrees Celsius (ASTCT: 38.0). */
    @WithDefault("38.0")
    double feverCelsius();

    /** A fever within this look-back satisfies the CRS fever criterion. */
    @WithDefault("PT24H")
    Duration feverLookBack();

    /** Nasal cannula at or below this flow (L/min) is low flow (ASTCT: 6). */
    @WithDefault("6")
    double lowFlowMaxLitresPerMinute();

    /** An oxygen observation holds until the next one, for at most this long. */
    @WithDefault("PT12H")
    Duration oxygenCarryForward();

    /** A sedative given within this look-back marks a depressed level of consciousness as confounded. */
    @WithDefault("PT6H")
    Duration sedationLookBack();

    /** CRS or ICANS is resolved after this long without a positive grade. */
    @WithDefault("PT48H")
    Duration quietPeriod();

    /** Age in years below which CAPD replaces ICE (sources differ between "< 12" and "<= 12"). */
    @WithDefault("12")
    int paediatricAgeCutoff();

    /** Whether a patient exactly at the cut-off age is assessed with CAPD. */
    @WithDefault("false")
    boolean paediatricCutoffInclusive();

    /** The facility time zone: day 0 is the calendar day of infusion there. */
    @WithDefault("UTC")
    ZoneId timeZone();

    /**
     * Fever pairs with hypotension or hypoxia, in either order, when less than this apart; unset: the
     * fever look-back.
     */
    Optional<Duration> feverPairingWindow();

    /** A sedative infusion confounds the level of consciousness while it runs and this long after it ends. */
    @WithDefault("PT6H")
    Duration sedationAfterInfusion();

    /**
     * An ICE not performed (or scored 0) grades 4 only with an unarousable level of consciousness charted
     * less than this from it.
     */
    @WithDefault("PT1H")
    Duration iceConsciousnessPairingWindow();

    /** Blood pressure thresholds of hypotension. */
    Hypotension hypotension();

    interface Hypotension {

        /** Adult hypotension: systolic below this (mmHg). */
        @WithDefault("90")
        double adultSystolicBelow();

        /** Adult hypotension: mean arterial pressure below this (mmHg). */
        @WithDefault("65")
        double adultMapBelow();

        /** Infants (below child-from-age): systolic below this (mmHg; PALS 70). */
        @WithDefault("70")
        double infantSystolicBelow();

        /** Age in years from which the child formula applies (PALS: 1). */
        @WithDefault("1")
        int childFromAge();

        /** Child formula: systolic below base + per-year x age (PALS: 70 + 2 x age). */
        @WithDefault("70")
        double childSystolicBase();

        /** Child formula increment per year of age (mmHg). */
        @WithDefault("2")
        double childSystolicPerYear();

        /** Age in years from which adult thresholds apply (PALS: 10). */
        @WithDefault("10")
        int adultFromAge();
    }

    /** The grading engine's configuration. */
    default GradingConfig toGradingConfig() {
        Hypotension h = hypotension();
        return new GradingConfig(
                new HypotensionThresholds(h.adultSystolicBelow(), h.adultMapBelow(), h.infantSystolicBelow(),
                        h.childFromAge(), h.childSystolicBase(), h.childSystolicPerYear(), h.adultFromAge()),
                feverCelsius(), feverLookBack(), lowFlowMaxLitresPerMinute(), oxygenCarryForward(), sedationLookBack(),
                quietPeriod(), paediatricAgeCutoff(), paediatricCutoffInclusive(), timeZone(),
                feverPairingWindow().orElse(null), sedationAfterInfusion(), iceConsciousnessPairingWindow());
    }
}
