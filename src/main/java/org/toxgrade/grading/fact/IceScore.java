package org.toxgrade.grading.fact;

import java.time.Instant;

/**
 * An ICE (Immune effector Cell-associated Encephalopathy) score, 0-10. {@code score} may be
 * missing when the patient could not be assessed because unarousable (ASTCT ICANS grade 4 cell).
 */
public record IceScore(String id, Instant time, Integer score, boolean unableBecauseUnarousable) implements Fact {

    public IceScore {
        FactChecks.idAndTime(id, time);
        FactChecks.range(score, 0, 10, "ICE score");
        if (score == null && !unableBecauseUnarousable) {
            throw new IllegalArgumentException("ICE score without a value must be marked unarousable: " + id);
        }
    }
}
