package org.toxgrade.facts;

import java.time.Instant;
import java.util.Objects;

/**
 * Why oxygen is given, sent as its own {@code toxgrade-observation#oxygen-indication} Observation.
 * {@code comfortOnly} marks oxygen given without hypoxia, which does not grade CRS (docs/clinical-rules.md
 * section 2); {@link EpisodeFactsAssembler} applies it to the oxygen device observations.
 */
public record OxygenIndication(String id, Instant time, boolean comfortOnly) implements ContextFact {

    public OxygenIndication {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
    }
}
