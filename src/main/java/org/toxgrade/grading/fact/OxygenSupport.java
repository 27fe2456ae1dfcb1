package org.toxgrade.grading.fact;

import java.time.Instant;
import java.util.Objects;

/**
 * The oxygen delivery device in use, with the flow when known. {@code forComfortOnly} marks oxygen
 * given without hypoxia, which does not grade CRS (docs/clinical-rules.md section 2).
 */
public record OxygenSupport(String id, Instant time, Device device, Double litresPerMinute, boolean forComfortOnly)
        implements
            Fact {

    public enum Device {

        ROOM_AIR, BLOW_BY, LOW_FLOW_NASAL_CANNULA, HIGH_FLOW_NASAL_CANNULA, FACE_MASK, NON_REBREATHER_MASK,
        VENTURI_MASK, CPAP, BIPAP, MECHANICAL_VENTILATION;

        public boolean isNasalCannula() {
            return this == LOW_FLOW_NASAL_CANNULA || this == HIGH_FLOW_NASAL_CANNULA;
        }
    }

    public OxygenSupport {
        FactChecks.idAndTime(id, time);
        Objects.requireNonNull(device, "device");
        if (litresPerMinute != null && (!Double.isFinite(litresPerMinute) || litresPerMinute < 0)) {
            throw new IllegalArgumentException("oxygen flow must be a non-negative number: " + id);
        }
    }
}
