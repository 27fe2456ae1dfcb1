package org.toxgrade.grading.fact;

import java.time.Instant;

/**
 * An ICE (Immune effector Cell-associated Encephalopathy) score, 0-10, or an ICE that could not be
 * performed.
 *
 * @param score                    the total, {@code null} when the ICE was not performed
 * @param unableBecauseUnarousable the ICE was charted as not performed (a data-absent reason
 *                                 {@code not-performed}, "unable to perform"). The name is that of
 *                                 the stored field and is kept; the record alone does not show that
 *                                 the patient was unarousable: docs/clinical-rules.md section 3 grades it 4
 *                                 only with an unarousable level of consciousness at the same
 *                                 assessment, see {@link #notPerformed()}
 */
public record IceScore(String id, Instant time, Integer score, boolean unableBecauseUnarousable) implements Fact {

    public IceScore {
        FactChecks.idAndTime(id, time);
        FactChecks.range(score, 0, 10, "ICE score");
        if (score == null && !unableBecauseUnarousable) {
            throw new IllegalArgumentException("ICE score without a value must be marked not performed: " + id);
        }
    }

    /** Whether the ICE was charted as not performed ("unable to perform", a data-absent reason). */
    public boolean notPerformed() {
        return unableBecauseUnarousable;
    }
}
