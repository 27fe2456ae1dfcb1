package org.toxgrade.facts;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

/** How received resources become facts (docs/clinical-rules.md section 8). */
@ConfigMapping(prefix = "toxgrade.facts")
public interface FactsSettings {

    /** Whether Observations with status preliminary count (final, amended and corrected always do). */
    @WithDefault("false")
    boolean countPreliminary();

    /** A site ConceptMap (FHIR JSON) from local flowsheet codes to the contract codes, loaded at start-up. */
    Optional<Path> siteConceptMap();

    /** Lowest plausible body temperature, degrees Celsius; below is refused as impossible (422). */
    @WithDefault("25.0")
    double minCelsius();

    /** Highest plausible body temperature, degrees Celsius. */
    @WithDefault("45.0")
    double maxCelsius();

    /** Lowest plausible systolic, diastolic or mean pressure, mmHg. */
    @WithDefault("10")
    double minBloodPressure();

    /** Highest plausible systolic, diastolic or mean pressure, mmHg. */
    @WithDefault("300")
    double maxBloodPressure();

    /** Highest plausible oxygen flow, L/min. */
    @WithDefault("80")
    double maxOxygenFlow();

    default FactMappingConfig toMappingConfig() {
        return new FactMappingConfig(countPreliminary(), minCelsius(), maxCelsius(), minBloodPressure(),
                maxBloodPressure(), maxOxygenFlow());
    }
}
