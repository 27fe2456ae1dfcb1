package org.toxgrade.facts;

import java.time.Instant;
import java.util.Objects;

/**
 * A body height (LOINC 8302-2, in the {@code body-height} ValueSet), in centimetres after unit
 * conversion. The grading does not read it; the flags use it for the height percentile of a child's
 * blood pressure limits (docs/clinical-rules.md section 5, {@code hypertension-grade3}).
 */
public record BodyHeight(String id, Instant time, double centimetres) implements ContextFact {

    public BodyHeight {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        if (!(centimetres > 0)) {
            throw new IllegalArgumentException("a body height must be positive");
        }
    }
}
