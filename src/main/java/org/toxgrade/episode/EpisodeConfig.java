package org.toxgrade.episode;

import java.time.Duration;
import java.util.Objects;

/**
 * How infusions divide a patient's time line into episodes (docs/clinical-rules.md section 1).
 *
 * @param monitoringDays        CRS and ICANS are graded, and the acute flags raised, up to the end of this
 *                              episode day (default 100: the usual 100-day follow-up after CAR-T)
 * @param baselineWindow        how far before the infusion facts count as the episode's baseline
 *                              (default 7 days: baseline ICE, blood pressure, known neuropathy)
 * @param neuroSurveillanceDays neurological findings are followed for {@code delayed-neurotoxicity} and
 *                              {@code peripheral-neurotoxicity} up to the end of this episode day (default 365,
 *                              docs/clinical-rules.md section 1: "Neurological findings are followed longer ... default
 *                              day 365"; seed polyradiculopathy case: flare on day 156); at least the monitoring
 *                              window
 */
public record EpisodeConfig(int monitoringDays, Duration baselineWindow, int neuroSurveillanceDays) {

    public EpisodeConfig {
        if (monitoringDays < 1) {
            throw new IllegalArgumentException("monitoring window must be at least one day");
        }
        Objects.requireNonNull(baselineWindow, "baselineWindow");
        if (baselineWindow.isNegative()) {
            throw new IllegalArgumentException("baselineWindow must not be negative");
        }
        if (neuroSurveillanceDays < monitoringDays) {
            throw new IllegalArgumentException(
                    "the neurological surveillance window cannot end before the monitoring window");
        }
    }

    public static EpisodeConfig defaults() {
        return new EpisodeConfig(100, Duration.ofDays(7), 365);
    }
}
