package org.toxgrade.grading.fact;

import java.time.Instant;
import java.util.Objects;

/** A finding reported on brain imaging (ASTCT ICANS raised ICP / cerebral oedema domain). */
public record NeuroImaging(String id, Instant time, Finding finding) implements Fact {

    public enum Finding {
        FOCAL_EDEMA, DIFFUSE_EDEMA, VASOGENIC_EDEMA_PRES_PATTERN, INTRACRANIAL_HEMORRHAGE, NORMAL
    }

    public NeuroImaging {
        FactChecks.idAndTime(id, time);
        Objects.requireNonNull(finding, "finding");
    }
}
