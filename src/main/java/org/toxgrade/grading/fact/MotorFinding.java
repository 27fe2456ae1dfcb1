package org.toxgrade.grading.fact;

import java.time.Instant;
import java.util.Objects;

/**
 * A motor finding. Only deep focal weakness (hemiparesis, paraparesis) is an ASTCT ICANS motor
 * finding; limb weakness is kept for the peripheral-neurotoxicity flag.
 */
public record MotorFinding(String id, Instant time, Kind kind) implements Fact {

    public enum Kind {
        DEEP_FOCAL_WEAKNESS, LIMB_WEAKNESS
    }

    public MotorFinding {
        FactChecks.idAndTime(id, time);
        Objects.requireNonNull(kind, "kind");
    }
}
