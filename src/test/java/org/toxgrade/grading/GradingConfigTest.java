package org.toxgrade.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GradingConfigTest {

    @Test
    void defaultsFollowAstctAndTheClinicalSpec() {
        GradingConfig c = GradingConfig.defaults();
        assertEquals(38.0, c.feverCelsius());
        assertEquals(Duration.ofHours(24), c.feverLookBack());
        assertEquals(6.0, c.lowFlowMaxLitresPerMinute());
        assertEquals(Duration.ofHours(12), c.oxygenCarryForward());
        assertEquals(Duration.ofHours(6), c.sedationLookBack());
        assertEquals(Duration.ofHours(48), c.quietPeriod());
        assertEquals(ZoneId.of("UTC"), c.zone());
        assertTrue(c.usesCapd(11));
        assertFalse(c.usesCapd(12));
    }

    @Test
    void withersChangeOnlyTheirOwnParameter() {
        GradingConfig c = GradingConfig.defaults().withQuietPeriod(Duration.ofHours(72));
        assertEquals(Duration.ofHours(72), c.quietPeriod());
        assertEquals(GradingConfig.defaults().withQuietPeriod(Duration.ofHours(48)), GradingConfig.defaults());
        assertTrue(GradingConfig.defaults().withPaediatricCutoff(12, true).usesCapd(12));
    }

    @Test
    void aZeroWindowIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> GradingConfig.defaults().withFeverLookBack(Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> GradingConfig.defaults().withFeverPairingWindow(Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> GradingConfig.defaults().withSedationAfterInfusion(Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> GradingConfig.defaults().withIceConsciousnessPairingWindow(Duration.ofMinutes(-1)));
    }

    @Test
    void anIceAndALevelOfConsciousnessWithinOneHourAreOneAssessmentByDefault() {
        // Section 3: 'the level of consciousness recorded at the same assessment (configurable pairing
        // window, default 1 h)'.
        assertEquals(Duration.ofHours(1), GradingConfig.defaults().iceConsciousnessPairingWindow());
    }

    @Test
    void aSedativeInfusionConfoundsForSixHoursAfterItEndsByDefault() {
        // Section 3: 'and for a configurable time after it ends, default 6 h'.
        assertEquals(Duration.ofHours(6), GradingConfig.defaults().sedationAfterInfusion());
    }

    @Test
    void theFeverPairingWindowDefaultsToTheFeverLookBack() {
        // Section 2: 'The pairing window is configurable (default: the fever look-back)'.
        GradingConfig c = GradingConfig.defaults();
        assertEquals(null, c.feverPairingWindow());
        assertEquals(Duration.ofHours(24), c.effectiveFeverPairingWindow());
        assertEquals(Duration.ofHours(36),
                c.withFeverLookBack(Duration.ofHours(36)).effectiveFeverPairingWindow());
        assertEquals(Duration.ofHours(2), c.withFeverLookBack(Duration.ofHours(36))
                .withFeverPairingWindow(Duration.ofHours(2)).effectiveFeverPairingWindow());
    }

    @ParameterizedTest(name = "age {0}: systolic below {1}, MAP below {2}")
    @CsvSource({"0, 70, NaN", "1, 72, NaN", "5, 80, NaN", "9, 88, NaN", "10, 90, 65", "40, 90, 65"})
    void palsThresholdsByAge(int age, double systolic, double mean) {
        HypotensionThresholds t = HypotensionThresholds.defaults();
        assertEquals(systolic, t.systolicBelow(age));
        assertEquals(mean, t.meanBelow(age));
    }

    @Test
    void unknownAgeUsesAdultThresholds() {
        assertEquals(90, HypotensionThresholds.defaults().systolicBelow(null));
        assertEquals(65, HypotensionThresholds.defaults().meanBelow(null));
    }
}
