package org.toxgrade.facts;

import java.time.Instant;
import java.util.Objects;

/**
 * A laboratory result from the {@code laboratory-tests} ValueSet (ferritin, CRP, IL-6, lactate...).
 * The grading does not read labs; they are kept as context for the clinicians and the flags, in
 * the unit the laboratory sent (UCUM code), without conversion.
 *
 * @param loincCode the contract code (after the site map)
 * @param unit      the UCUM code of the value
 */
public record LabResult(String id, Instant time, String loincCode, double value, String unit) implements ContextFact {

    public LabResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(loincCode, "loincCode");
        Objects.requireNonNull(unit, "unit");
    }
}
