package org.toxgrade.episode;

import java.util.List;
import org.toxgrade.flags.FlagOccurrence;
import org.toxgrade.grading.EpisodeFacts;
import org.toxgrade.grading.EpisodeGrading;

/** What one episode's facts say: grades with their evidence, and flags. */
public record EpisodeDerivation(EpisodeWindow window, EpisodeFacts facts, EpisodeGrading grading,
        List<FlagOccurrence> flags) {

    public EpisodeDerivation {
        flags = List.copyOf(flags);
    }
}
