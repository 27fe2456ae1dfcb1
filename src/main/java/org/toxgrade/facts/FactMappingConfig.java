package org.toxgrade.facts;

/**
 * Site-tunable parameters of the mapping. Limits reject values that cannot be a measurement of a
 * living patient (a typo or a unit error), not values that are merely abnormal: a fever of 42 C or a
 * blood pressure of 230/130 must reach the grading.
 *
 * @param countPreliminary    {@code Observation.status = preliminary} counts (default: no, only
 *                            final/amended/corrected count; docs/clinical-rules.md section 8)
 * @param minCelsius          lowest plausible body temperature (after conversion from [degF])
 * @param maxCelsius          highest plausible body temperature
 * @param minBloodPressure    lowest plausible systolic, diastolic or mean pressure, mmHg
 * @param maxBloodPressure    highest plausible systolic, diastolic or mean pressure, mmHg
 * @param maxOxygenFlow       highest plausible oxygen flow, L/min (high-flow devices reach about 60-70)
 */
public record FactMappingConfig(boolean countPreliminary, double minCelsius, double maxCelsius,
        double minBloodPressure, double maxBloodPressure, double maxOxygenFlow) {

    public FactMappingConfig {
        if (!(minCelsius < maxCelsius) || !(minBloodPressure < maxBloodPressure) || !(maxOxygenFlow > 0)) {
            throw new IllegalArgumentException("fact mapping limits must be ordered and positive");
        }
    }

    public static FactMappingConfig defaults() {
        return new FactMappingConfig(false, 25.0, 45.0, 10.0, 300.0, 80.0);
    }

    public FactMappingConfig withCountPreliminary(boolean value) {
        return new FactMappingConfig(value, minCelsius, maxCelsius, minBloodPressure, maxBloodPressure, maxOxygenFlow);
    }
}
