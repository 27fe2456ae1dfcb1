package org.toxgrade.facts;

import java.time.Instant;
import java.util.Objects;

/**
 * The infusion of an immune effector cell product: a MedicationAdministration or Procedure whose
 * code is in the {@code car-t-products} ValueSet. Its time starts the episode (docs/clinical-rules.md
 * section 1: day 0 is the calendar day of infusion); for a period, the start.
 */
public record CarTInfusion(String id, Instant time) implements ContextFact {

    public CarTInfusion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
    }
}
