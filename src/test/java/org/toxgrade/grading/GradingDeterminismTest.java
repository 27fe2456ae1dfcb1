package org.toxgrade.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.toxgrade.grading.bench.SyntheticEpisode;
import org.toxgrade.grading.cases.GradingCase;
import org.toxgrade.grading.fact.Fact;

/** docs/clinical-rules.md section 4: 'The result for a set of facts must not depend on the order in which they arrived.' */
class GradingDeterminismTest {

    private static final GradingConfig CONFIG = GradingConfig.defaults();

    @ParameterizedTest(name = "shuffle seed {0}")
    @ValueSource(longs = {1, 7, 42, 1234, 98765})
    void shuffledSyntheticEpisodeGivesAnEqualGrading(long seed) {
        List<Fact> facts = SyntheticEpisode.facts(3);
        EpisodeGrading expected = EpisodeGrader.grade(SyntheticEpisode.episode(facts), CONFIG, SyntheticEpisode.asOf());

        List<Fact> shuffled = new ArrayList<>(facts);
        Collections.shuffle(shuffled, new Random(seed));
        EpisodeGrading actual = EpisodeGrader.grade(SyntheticEpisode.episode(shuffled), CONFIG,
                SyntheticEpisode.asOf());

        assertEquals(expected, actual);
    }

    @Test
    void syntheticEpisodeExercisesEveryCrsGradeAndIcans() {
        EpisodeGrading g = EpisodeGrader.grade(SyntheticEpisode.episode(SyntheticEpisode.facts(3)), CONFIG,
                SyntheticEpisode.asOf());
        assertEquals(OptionalInt.of(4), g.of(Syndrome.CRS).episode().grade());
        assertTrue(g.of(Syndrome.ICANS).episode().grade().orElseThrow() >= 3);
        assertTrue(g.of(Syndrome.CRS).instants().size() > 8_000);
    }

    static Stream<GradingCase> cases() {
        return GradingCase.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyCaseGradesTheSameInReverseAndShuffledOrder(GradingCase c) {
        EpisodeGrading expected = EpisodeGrader.grade(c.facts(), c.config(), c.asOf());
        List<Fact> facts = new ArrayList<>(c.facts().allFacts());
        Collections.reverse(facts);
        assertEquals(expected, EpisodeGrader.grade(rebuild(c, facts), c.config(), c.asOf()));
        for (long seed = 1; seed <= 3; seed++) {
            Collections.shuffle(facts, new Random(seed));
            assertEquals(expected, EpisodeGrader.grade(rebuild(c, facts), c.config(), c.asOf()), "seed " + seed);
        }
    }

    private static EpisodeFacts rebuild(GradingCase c, List<Fact> facts) {
        return EpisodeFacts.builder(c.facts().infusion())
                .birthDate(c.facts().birthDate())
                .addAll(facts)
                .build();
    }
}
