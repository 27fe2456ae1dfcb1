package org.toxgrade.grading.icaht;

import java.time.Instant;
import java.util.Objects;

/**
 * An absolute neutrophil count, normalised to 10*9/L (CLINICAL-SPEC section 9: 10*3/uL is the same number, /uL
 * divided by 1000).
 *
 * @param id           the fact id of the laboratory result (its source Observation)
 * @param gigaPerLitre the count in 10*9/L
 */
public record AncValue(String id, Instant time, double gigaPerLitre) {

    public AncValue {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        if (!(gigaPerLitre >= 0) || !Double.isFinite(gigaPerLitre)) {
            throw new IllegalArgumentException("an ANC is a finite count >= 0: " + id);
        }
    }
}
