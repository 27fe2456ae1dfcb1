package org.toxgrade.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.toxgrade.grading.bench.SyntheticEpisode;

/** The episode grading is keyed by syndrome: one grading of each, each under its own key. */
class EpisodeGradingTest {

    private static final EpisodeGrading GRADED = EpisodeGrader.grade(
            SyntheticEpisode.episode(SyntheticEpisode.facts(1)),
            GradingConfig.defaults(), SyntheticEpisode.asOf());

    @Test
    void theGraderGradesEverySyndromeUnderItsOwnKey() {
        assertEquals(List.of(Syndrome.values()), List.copyOf(GRADED.bySyndrome().keySet()));
        for (Syndrome syndrome : Syndrome.values()) {
            assertEquals(syndrome, GRADED.of(syndrome).syndrome());
        }
    }

    @Test
    void aGradingWithoutOneOfTheSyndromesIsRefused() {
        Map<Syndrome, SyndromeGrading> partial = new EnumMap<>(GRADED.bySyndrome());
        partial.remove(Syndrome.ICANS);
        assertThrows(IllegalArgumentException.class,
                () -> new EpisodeGrading(GRADED.infusion(), GRADED.asOf(), partial));
    }

    @Test
    void aGradingFiledUnderAnotherSyndromesKeyIsRefused() {
        Map<Syndrome, SyndromeGrading> swapped = new EnumMap<>(Syndrome.class);
        swapped.put(Syndrome.CRS, GRADED.of(Syndrome.ICANS));
        swapped.put(Syndrome.ICANS, GRADED.of(Syndrome.CRS));
        assertThrows(IllegalArgumentException.class,
                () -> new EpisodeGrading(GRADED.infusion(), GRADED.asOf(), swapped));
    }
}
