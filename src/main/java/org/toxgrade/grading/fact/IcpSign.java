package org.toxgrade.grading.fact;

import java.time.Instant;
import java.util.Objects;

/** A clinical sign of raised intracranial pressure (ASTCT ICANS grade 4 cell). */
public record IcpSign(String id, Instant time, Sign sign) implements Fact {

    public enum Sign {
        DECEREBRATE_POSTURING, DECORTICATE_POSTURING, CN6_PALSY, PAPILLEDEMA, CUSHING_TRIAD
    }

    public IcpSign {
        FactChecks.idAndTime(id, time);
        Objects.requireNonNull(sign, "sign");
    }
}
