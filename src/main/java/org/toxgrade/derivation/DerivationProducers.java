package org.toxgrade.derivation;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.toxgrade.episode.PatientDeriver;
import org.toxgrade.facts.EpisodeFactsAssembler;
import org.toxgrade.grading.GradingConfig;
import org.toxgrade.publish.build.DerivedResourcesBuilder;

/** The pure derivation pipeline, configured once from the site settings. */
@Singleton
public class DerivationProducers {

    @Produces
    @Singleton
    GradingConfig gradingConfig(GradingSettings settings) {
        return settings.toGradingConfig();
    }

    @Produces
    @Singleton
    PatientDeriver patientDeriver(GradingConfig grading, EpisodeSettings episodes, FlagSettings flags,
            IcahtSettings icaht) {
        // Separately sent oxygen flows pair with a device no further back than the device itself holds.
        return new PatientDeriver(episodes.planner(grading.zone()),
                new EpisodeFactsAssembler(grading.oxygenCarryForward()), grading, flags.toFlagConfig(grading.zone()),
                icaht.toIcahtConfig());
    }

    @Produces
    @Singleton
    DerivedResourcesBuilder derivedResourcesBuilder(GradingConfig grading) {
        return new DerivedResourcesBuilder(grading.zone());
    }
}
