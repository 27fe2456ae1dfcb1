package org.toxgrade.grading.fact;

import java.time.Instant;

/**
 * A Cornell Assessment of Pediatric Delirium total, 0-32, used instead of ICE for young children
 * (docs/clinical-rules.md section 3). {@code score} may be missing when the CAPD could not be performed.
 */
public record CapdScore(String id, Instant time, Integer score, boolean unableToPerform) implements Fact {

    public CapdScore {
        FactChecks.idAndTime(id, time);
        FactChecks.range(score, 0, 32, "CAPD score");
        if (score == null && !unableToPerform) {
            throw new IllegalArgumentException("CAPD without a value must be marked unable to perform: " + id);
        }
    }
}
