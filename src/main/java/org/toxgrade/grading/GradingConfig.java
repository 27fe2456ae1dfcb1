package org.toxgrade.grading;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Site-tunable parameters of the grading. {@link #defaults()} follows ASTCT 2019 and
 * docs/clinical-rules.md sections 2-4.
 *
 * @param hypotension                   blood pressure thresholds by age
 * @param feverCelsius                  fever is a temperature at or above this (ASTCT: 38.0 C)
 * @param feverLookBack                 a fever in (t - look-back, t] satisfies the fever criterion at t,
 *                                      unless a later temperature below the threshold was recorded
 *                                      at or before t (the latest reading decides)
 * @param lowFlowMaxLitresPerMinute     nasal cannula at or below this flow is low flow (ASTCT: 6 L/min)
 * @param oxygenCarryForward            an oxygen observation holds until the next one, for at most this long
 * @param sedationLookBack              a sedative dose given in (t - look-back, t] confounds the level of
 *                                      consciousness at t
 * @param quietPeriod                   a syndrome is resolved after this long without a positive grade
 * @param paediatricAgeCutoff           age in years below which (or up to which, see next) CAPD replaces ICE
 * @param paediatricCutoffInclusive     {@code false}: age &lt; cut-off uses CAPD; {@code true}: age &lt;= cut-off
 * @param zone                          facility time zone for calendar days (day 0 = day of infusion)
 * @param feverPairingWindow            fever pairs with hypotension or hypoxia, in either order, when
 *                                      they are less than this apart (docs/clinical-rules.md section 2); a fever
 *                                      before t pairs only while the fever criterion still holds at t.
 *                                      {@code null} (the default) means the fever look-back, whatever it
 *                                      is set to; see {@link #effectiveFeverPairingWindow()}
 * @param sedationAfterInfusion         a sedative infusion confounds the level of consciousness while it
 *                                      runs and for this long after it ends (docs/clinical-rules.md section 3,
 *                                      default 6 h)
 * @param iceConsciousnessPairingWindow an ICE not performed (or scored 0) grades 4 only with an
 *                                      unarousable level of consciousness charted less than this from
 *                                      it, the same assessment (docs/clinical-rules.md section 3, default 1 h)
 */
public record GradingConfig(HypotensionThresholds hypotension, double feverCelsius, Duration feverLookBack,
        double lowFlowMaxLitresPerMinute, Duration oxygenCarryForward, Duration sedationLookBack,
        Duration quietPeriod, int paediatricAgeCutoff, boolean paediatricCutoffInclusive,
        ZoneId zone, Duration feverPairingWindow, Duration sedationAfterInfusion,
        Duration iceConsciousnessPairingWindow) {

    /** Default fever pairing window: none of its own, the fever look-back. */
    public static final Duration DEFAULT_FEVER_PAIRING_WINDOW = null;
    /** Default after-effect of a sedative infusion. */
    public static final Duration DEFAULT_SEDATION_AFTER_INFUSION = Duration.ofHours(6);
    /** Default window in which an ICE and a level of consciousness are one assessment. */
    public static final Duration DEFAULT_ICE_CONSCIOUSNESS_PAIRING_WINDOW = Duration.ofHours(1);

    public GradingConfig {
        Objects.requireNonNull(hypotension, "hypotension");
        Objects.requireNonNull(zone, "zone");
        requirePositive(feverLookBack, "feverLookBack");
        requirePositive(oxygenCarryForward, "oxygenCarryForward");
        requirePositive(sedationLookBack, "sedationLookBack");
        requirePositive(quietPeriod, "quietPeriod");
        if (feverPairingWindow != null) {
            requirePositive(feverPairingWindow, "feverPairingWindow");
        }
        requirePositive(sedationAfterInfusion, "sedationAfterInfusion");
        requirePositive(iceConsciousnessPairingWindow, "iceConsciousnessPairingWindow");
    }

    public static GradingConfig defaults() {
        return new GradingConfig(HypotensionThresholds.defaults(), 38.0, Duration.ofHours(24), 6.0,
                Duration.ofHours(12), Duration.ofHours(6), Duration.ofHours(48), 12, false, ZoneId.of("UTC"),
                DEFAULT_FEVER_PAIRING_WINDOW, DEFAULT_SEDATION_AFTER_INFUSION,
                DEFAULT_ICE_CONSCIOUSNESS_PAIRING_WINDOW);
    }

    /** The window within which fever pairs with hypotension or hypoxia: {@code feverPairingWindow}, else the fever look-back. */
    public Duration effectiveFeverPairingWindow() {
        return feverPairingWindow != null ? feverPairingWindow : feverLookBack;
    }

    /** True when a patient of this age (whole years) is assessed with CAPD instead of ICE. */
    public boolean usesCapd(int ageYears) {
        return paediatricCutoffInclusive ? ageYears <= paediatricAgeCutoff : ageYears < paediatricAgeCutoff;
    }

    /** The ages assessed with CAPD, as a clinician reads them: "below age 12", or "at or below age 12" when inclusive. */
    public String capdAges() {
        return (paediatricCutoffInclusive ? "at or below age " : "below age ") + paediatricAgeCutoff;
    }

    public GradingConfig withHypotension(HypotensionThresholds value) {
        return new GradingConfig(value, feverCelsius, feverLookBack, lowFlowMaxLitresPerMinute, oxygenCarryForward,
                sedationLookBack, quietPeriod, paediatricAgeCutoff, paediatricCutoffInclusive, zone, feverPairingWindow,
                sedationAfterInfusion, iceConsciousnessPairingWindow);
    }

    public GradingConfig withFeverCelsius(double value) {
        return new GradingConfig(hypotension, value, feverLookBack, lowFlowMaxLitresPerMinute, oxygenCarryForward,
                sedationLookBack, quietPeriod, paediatricAgeCutoff, paediatricCutoffInclusive, zone, feverPairingWindow,
                sedationAfterInfusion, iceConsciousnessPairingWindow);
    }

    public GradingConfig withFeverLookBack(Duration value) {
        return new GradingConfig(hypotension, feverCelsius, value, lowFlowMaxLitresPerMinute, oxygenCarryForward,
                sedationLookBack, quietPeriod, paediatricAgeCutoff, paediatricCutoffInclusive, zone, feverPairingWindow,
                sedationAfterInfusion, iceConsciousnessPairingWindow);
    }

    public GradingConfig withLowFlowMaxLitresPerMinute(double value) {
        return new GradingConfig(hypotension, feverCelsius, feverLookBack, value, oxygenCarryForward, sedationLookBack,
                quietPeriod, paediatricAgeCutoff, paediatricCutoffInclusive, zone, feverPairingWindow,
                sedationAfterInfusion, iceConsciousnessPairingWindow);
    }

    public GradingConfig withOxygenCarryForward(Duration value) {
        return new GradingConfig(hypotension, feverCelsius, feverLookBack, lowFlowMaxLitresPerMinute, value,
                sedationLookBack, quietPeriod, paediatricAgeCutoff, paediatricCutoffInclusive, zone, feverPairingWindow,
                sedationAfterInfusion, iceConsciousnessPairingWindow);
    }

    public GradingConfig withSedationLookBack(Duration value) {
        return new GradingConfig(hypotension, feverCelsius, feverLookBack, lowFlowMaxLitresPerMinute,
                oxygenCarryForward, value, quietPeriod, paediatricAgeCutoff, paediatricCutoffInclusive, zone,
                feverPairingWindow, sedationAfterInfusion, iceConsciousnessPairingWindow);
    }

    public GradingConfig withQuietPeriod(Duration value) {
        return new GradingConfig(hypotension, feverCelsius, feverLookBack, lowFlowMaxLitresPerMinute,
                oxygenCarryForward, sedationLookBack, value, paediatricAgeCutoff, paediatricCutoffInclusive, zone,
                feverPairingWindow, sedationAfterInfusion, iceConsciousnessPairingWindow);
    }

    public GradingConfig withPaediatricCutoff(int ageYears, boolean inclusive) {
        return new GradingConfig(hypotension, feverCelsius, feverLookBack, lowFlowMaxLitresPerMinute,
                oxygenCarryForward, sedationLookBack, quietPeriod, ageYears, inclusive, zone, feverPairingWindow,
                sedationAfterInfusion, iceConsciousnessPairingWindow);
    }

    public GradingConfig withZone(ZoneId value) {
        return new GradingConfig(hypotension, feverCelsius, feverLookBack, lowFlowMaxLitresPerMinute,
                oxygenCarryForward, sedationLookBack, quietPeriod, paediatricAgeCutoff, paediatricCutoffInclusive,
                value, feverPairingWindow, sedationAfterInfusion, iceConsciousnessPairingWindow);
    }

    /** {@code value} {@code null}: pair within the fever look-back. */
    public GradingConfig withFeverPairingWindow(Duration value) {
        return new GradingConfig(hypotension, feverCelsius, feverLookBack, lowFlowMaxLitresPerMinute,
                oxygenCarryForward, sedationLookBack, quietPeriod, paediatricAgeCutoff, paediatricCutoffInclusive, zone,
                value, sedationAfterInfusion, iceConsciousnessPairingWindow);
    }

    public GradingConfig withSedationAfterInfusion(Duration value) {
        return new GradingConfig(hypotension, feverCelsius, feverLookBack, lowFlowMaxLitresPerMinute,
                oxygenCarryForward, sedationLookBack, quietPeriod, paediatricAgeCutoff, paediatricCutoffInclusive, zone,
                feverPairingWindow, value, iceConsciousnessPairingWindow);
    }

    public GradingConfig withIceConsciousnessPairingWindow(Duration value) {
        return new GradingConfig(hypotension, feverCelsius, feverLookBack, lowFlowMaxLitresPerMinute,
                oxygenCarryForward, sedationLookBack, quietPeriod, paediatricAgeCutoff, paediatricCutoffInclusive, zone,
                feverPairingWindow, sedationAfterInfusion, value);
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
