package org.toxgrade.grading.fact;

import java.time.Instant;
import java.util.Objects;

/**
 * A clinician's record that death was due to CRS or ICANS. Grade 5 comes only from this fact;
 * the engine never infers it (docs/clinical-rules.md sections 2 and 3).
 */
public record DeathAttribution(String id, Instant time, Cause cause) implements Fact {

    public enum Cause {
        CRS, ICANS
    }

    public DeathAttribution {
        FactChecks.idAndTime(id, time);
        Objects.requireNonNull(cause, "cause");
    }
}
