package org.toxgrade.facts;

import java.time.Instant;
import java.util.Objects;

/**
 * An inhaled oxygen flow rate (LOINC 3151-8) sent without a device in the same Observation: its
 * own Observation, or a component of a pulse-oximetry Observation (docs/clinical-rules.md section 8).
 * {@link EpisodeFactsAssembler} pairs it with the oxygen device; on its own it does not grade,
 * because the ASTCT hypoxia column is read from the device.
 */
public record OxygenFlow(String id, Instant time, double litresPerMinute) implements ContextFact {

    public OxygenFlow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
    }
}
