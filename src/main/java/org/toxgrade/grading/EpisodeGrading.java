package org.toxgrade.grading;

import java.time.Instant;

/** The result of {@link EpisodeGrader#grade}: CRS and ICANS for one episode, as of {@code asOf}. */
public record EpisodeGrading(Instant infusion, Instant asOf, SyndromeGrading crs, SyndromeGrading icans) {

    public SyndromeGrading of(Syndrome syndrome) {
        return syndrome == Syndrome.CRS ? crs : icans;
    }
}
