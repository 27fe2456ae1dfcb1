package org.toxgrade.grading.fact;

import java.time.Instant;
import java.util.Comparator;

/**
 * A clinical fact the grading engine reads. The facts layer builds these from FHIR resources;
 * the engine never sees FHIR.
 *
 * <p>{@link #id()} is the source resource reference (e.g. {@code Observation/t1}) so that every
 * grade can name the records behind it. {@link #time()} is the clinically effective instant
 * (for an infusion: its start).
 */
public sealed interface Fact
        permits Temperature, BloodPressure, VasopressorInfusion, OxygenSupport, IceScore, CapdScore,
        ConsciousnessLevel, Seizure, MotorFinding, NeuroImaging, IcpSign, OtherNeuroFinding,
        DrugDose, DeathAttribution, DevelopmentalInability {

    String id();

    Instant time();

    /**
     * Canonical order: time, then id, then the full value. The last key only separates two
     * different facts that share time and id, so that the grading never depends on the order
     * in which facts arrived (docs/clinical-rules.md section 4, late data).
     */
    Comparator<Fact> CANONICAL_ORDER = Comparator.comparing(Fact::time)
            .thenComparing(Fact::id)
            .thenComparing(Object::toString);
}
