package org.toxgrade.episode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.toxgrade.facts.CarTInfusion;

/**
 * Episode windows (docs/clinical-rules.md section 1): "Episodes end when the monitoring window closes
 * (configurable, default day 100) ... Neurological findings are followed longer, for the
 * late-neurotoxicity flags (surveillance window, configurable, default day 365)."
 */
class EpisodePlannerTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final Instant INFUSION = Instant.parse("2026-01-05T10:00:00Z");

    private static Instant startOfDay(int day) {
        return INFUSION.atZone(ZONE).toLocalDate().plusDays(day).atStartOfDay(ZONE).toInstant();
    }

    @Test
    void gradingEndsAfterDay100AndSurveillanceAfterDay365() {
        EpisodeWindow w = new EpisodePlanner(EpisodeConfig.defaults(), ZONE)
                .plan("Patient/p", List.of(new CarTInfusion("MedicationAdministration/cart", INFUSION))).get(0);
        assertEquals(startOfDay(101), w.end());
        assertEquals(startOfDay(366), w.surveillanceEnd());
        assertEquals(INFUSION.minus(Duration.ofDays(7)), w.baselineFrom());
        // The polyradiculopathy flare of day 156 is in the surveillance, not in the grading window.
        Instant day156 = startOfDay(156).plus(Duration.ofHours(10));
        assertTrue(w.surveys(day156));
        assertTrue(!w.contains(day156));
        assertTrue(!w.surveys(startOfDay(366)));
    }

    @Test
    void aSecondInfusionEndsBothWindowsOfTheFirstEpisode() {
        Instant second = startOfDay(200);
        List<EpisodeWindow> windows = new EpisodePlanner(EpisodeConfig.defaults(), ZONE).plan("Patient/p",
                List.of(new CarTInfusion("MedicationAdministration/cart-2", second),
                        new CarTInfusion("MedicationAdministration/cart-1", INFUSION)));
        assertEquals(startOfDay(101), windows.get(0).end());
        assertEquals(second, windows.get(0).surveillanceEnd());
        Instant early = startOfDay(50);
        List<EpisodeWindow> soon = new EpisodePlanner(EpisodeConfig.defaults(), ZONE).plan("Patient/p",
                List.of(new CarTInfusion("MedicationAdministration/cart-1", INFUSION),
                        new CarTInfusion("MedicationAdministration/cart-2", early)));
        assertEquals(early, soon.get(0).end());
        assertEquals(early, soon.get(0).surveillanceEnd());
    }

    @Test
    void theSurveillanceCannotEndBeforeTheGradingWindow() {
        assertThrows(IllegalArgumentException.class, () -> new EpisodeConfig(100, Duration.ofDays(7), 99));
        assertEquals(new EpisodeConfig(100, Duration.ofDays(7), 100).monitoringDays(), 100);
    }
}
