package org.toxgrade.episode;

import java.util.List;
import org.toxgrade.flags.FlagOccurrence;
import org.toxgrade.grading.EpisodeFacts;
import org.toxgrade.grading.EpisodeGrading;
import org.toxgrade.grading.icaht.IcahtGrading;

/** What one episode's facts say: grades with their evidence, the hematotoxicity (ICAHT) course, and flags. */
public record EpisodeDerivation(EpisodeWindow window, EpisodeFacts facts, EpisodeGrading grading,
        IcahtGrading icaht, List<FlagOccurrence> flags) {

    public EpisodeDerivation {
        flags = List.copyOf(flags);
    }
}
