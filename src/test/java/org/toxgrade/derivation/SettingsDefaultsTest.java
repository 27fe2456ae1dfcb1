package org.toxgrade.derivation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.toxgrade.episode.EpisodeConfig;
import org.toxgrade.facts.FactMappingConfig;
import org.toxgrade.facts.FactsSettings;
import org.toxgrade.flags.FlagConfig;
import org.toxgrade.grading.GradingConfig;
import org.toxgrade.grading.icaht.IcahtConfig;

/**
 * The plain cores carry their defaults in code ({@code defaults()}, used by the case tables and the
 * benchmark) and the service in {@code @WithDefault}: an unconfigured service must run the same
 * rules as the tables test, so the two must agree.
 */
class SettingsDefaultsTest {

    private static <T> T unconfigured(Class<T> mapping) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(mapping).build();
        return config.getConfigMapping(mapping);
    }

    @Test
    void gradingSettingsDefaultToTheGradingDefaults() {
        assertEquals(GradingConfig.defaults(), unconfigured(GradingSettings.class).toGradingConfig());
    }

    @Test
    void flagSettingsDefaultToTheFlagDefaults() {
        assertEquals(FlagConfig.defaults(), unconfigured(FlagSettings.class).toFlagConfig(ZoneId.of("UTC")));
    }

    @Test
    void icahtSettingsDefaultToTheIcahtDefaults() {
        assertEquals(IcahtConfig.defaults(), unconfigured(IcahtSettings.class).toIcahtConfig());
    }

    @Test
    void episodeSettingsDefaultToTheEpisodeDefaults() {
        assertEquals(EpisodeConfig.defaults(), unconfigured(EpisodeSettings.class).toEpisodeConfig());
    }

    @Test
    void factsSettingsDefaultToTheMappingDefaults() {
        assertEquals(FactMappingConfig.defaults(), unconfigured(FactsSettings.class).toMappingConfig());
    }
}
