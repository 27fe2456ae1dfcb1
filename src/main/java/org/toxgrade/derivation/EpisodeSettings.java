package org.toxgrade.derivation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;
import org.toxgrade.episode.EpisodeConfig;
import org.toxgrade.episode.EpisodePlanner;

/** How infusions divide a patient's facts into episodes (docs/clinical-rules.md section 1). */
@ConfigMapping(prefix = "toxgrade.episode")
public interface EpisodeSettings {

    /** The monitoring window: an episode ends this many days after its infusion day (default day 100). */
    @WithDefault("100")
    int monitoringDays();

    /** How far before the infusion facts count as the episode's baseline (baseline ICE, blood pressure). */
    @WithDefault("P7D")
    Duration baselineWindow();

    /** Neurological findings are followed for late neurotoxicity flags up to this episode day (default day 365). */
    @WithDefault("365")
    int neuroSurveillanceDays();

    default EpisodeConfig toEpisodeConfig() {
        return new EpisodeConfig(monitoringDays(), baselineWindow(), neuroSurveillanceDays());
    }

    default EpisodePlanner planner(ZoneId zone) {
        return new EpisodePlanner(toEpisodeConfig(), zone);
    }
}
