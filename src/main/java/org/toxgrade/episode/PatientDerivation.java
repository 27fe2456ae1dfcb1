package org.toxgrade.episode;

import java.time.Instant;
import java.util.List;

/**
 * Everything derived for one patient at {@code asOf}: one derivation per episode, none when no
 * infusion is known (the patient is then pending: facts kept, nothing graded).
 */
public record PatientDerivation(String patient, Instant asOf, List<EpisodeDerivation> episodes) {

    public PatientDerivation {
        episodes = List.copyOf(episodes);
    }
}
