package org.toxgrade.grading;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The result of {@link EpisodeGrader#grade}: every syndrome's grading for one episode, as of {@code asOf}.
 *
 * @param bySyndrome one grading for each {@link Syndrome}, in the enum's order
 */
public record EpisodeGrading(Instant infusion, Instant asOf, Map<Syndrome, SyndromeGrading> bySyndrome) {

    public EpisodeGrading {
        EnumMap<Syndrome, SyndromeGrading> copy = new EnumMap<>(Syndrome.class);
        copy.putAll(bySyndrome);
        for (Syndrome syndrome : Syndrome.values()) {
            SyndromeGrading grading = copy.get(syndrome);
            if (grading == null || grading.syndrome() != syndrome) {
                throw new IllegalArgumentException("an episode grading holds one grading of each syndrome, "
                        + syndrome + " was " + (grading == null ? "missing" : "keyed to " + grading.syndrome()));
            }
        }
        bySyndrome = Collections.unmodifiableMap(copy);
    }

    public SyndromeGrading of(Syndrome syndrome) {
        return bySyndrome.get(syndrome);
    }
}
