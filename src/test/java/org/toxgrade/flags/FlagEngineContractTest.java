package org.toxgrade.flags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.toxgrade.grading.EpisodeFacts;
import org.toxgrade.grading.EpisodeGrader;
import org.toxgrade.grading.GradingConfig;

/** The public contract of the flag engine and its types. */
class FlagEngineContractTest {

    static final Instant INFUSION = Instant.parse("2024-03-04T10:00:00Z");

    @Test
    void theCodesAndDisplaysAreThoseOfThePublishedCodeSystem() throws IOException {
        JsonNode codeSystem;
        try (InputStream in = getClass().getResourceAsStream(
                "/fhir-profiles/package/CodeSystem-neurotoxicity-flag.json")) {
            codeSystem = new ObjectMapper().readTree(in);
        }
        assertEquals(NeurotoxicityFlag.SYSTEM, codeSystem.get("url").asText());
        List<String> published = new ArrayList<>();
        for (JsonNode concept : codeSystem.get("concept")) {
            published.add(concept.get("code").asText());
            assertEquals(concept.get("display").asText(), NeurotoxicityFlag.ofCode(concept.get("code").asText())
                    .display());
        }
        assertEquals(published, List.of(NeurotoxicityFlag.values()).stream().map(NeurotoxicityFlag::code).toList());
    }

    @Test
    void aGradingLaterThanTheFlagsIsRejected() {
        EpisodeFacts facts = EpisodeFacts.builder(INFUSION).build();
        Instant asOf = INFUSION.plus(Duration.ofDays(3));
        var grading = EpisodeGrader.grade(facts, GradingConfig.defaults(), asOf.plusSeconds(1));
        assertThrows(IllegalArgumentException.class,
                () -> FlagEngine.evaluate(facts, grading, FlagConfig.defaults(), asOf));
        // An earlier grading is the grading window that closed before (docs/clinical-rules.md section 1).
        var closed = EpisodeGrader.grade(facts, GradingConfig.defaults(), asOf.minusSeconds(1));
        assertTrue(FlagEngine.evaluate(facts, closed, FlagConfig.defaults(), asOf).isEmpty());
    }

    @Test
    void anEpisodeWithoutFindingsRaisesNoFlag() {
        EpisodeFacts facts = EpisodeFacts.builder(INFUSION).build();
        Instant asOf = INFUSION.plus(Duration.ofDays(3));
        assertTrue(FlagEngine.evaluate(facts, EpisodeGrader.grade(facts, GradingConfig.defaults(), asOf),
                FlagConfig.defaults(), asOf).isEmpty());
    }

    @Test
    void defaultsFollowTheSpecAndCtcae() {
        FlagConfig d = FlagConfig.defaults();
        assertEquals(160, d.systolicThreshold());
        assertEquals(100, d.diastolicThreshold());
        assertEquals(Duration.ofHours(72), d.taperReboundWindow());
        assertEquals(Duration.ofHours(48), d.taperCourseGap());
        assertEquals(Duration.ofHours(2), d.taperTimingTolerance());
        assertEquals(10, d.taperMinimumFallPercent());
        assertEquals(Duration.ofHours(24), d.presWindow());
        assertEquals(Duration.ofHours(72), d.pointFindingHold());
        assertEquals(Duration.ofDays(28), d.persistentFindingSilence());
        assertEquals(28, d.delayedAfterDay());
        assertEquals(1, d.iceDropPoints());
        assertEquals(ZoneId.of("UTC"), d.zone());
    }

    @Test
    void withersChangeOneParameterAndBadValuesAreRejected() {
        FlagConfig d = FlagConfig.defaults();
        assertEquals(d.withPresWindow(Duration.ofHours(12)).presWindow(), Duration.ofHours(12));
        assertEquals(d.withPresWindow(Duration.ofHours(12)).withPresWindow(d.presWindow()), d);
        assertEquals(150, d.withHypertensionThresholds(150, 95).systolicThreshold());
        assertThrows(IllegalArgumentException.class, () -> d.withTaperReboundWindow(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> d.withIceDropPoints(0));
        assertThrows(IllegalArgumentException.class, () -> d.withTaperTimingTolerance(Duration.ofHours(7)));
        assertThrows(IllegalArgumentException.class, () -> d.withTaperMinimumFallPercent(100));
        assertThrows(IllegalArgumentException.class, () -> d.withDelayedAfterDay(-1));
        assertThrows(IllegalArgumentException.class, () -> d.withHypertensionThresholds(0, 100));
    }

    @Test
    void anActiveOccurrenceHasNoEndAndAnInactiveOneHasOne() {
        FlagEvidence evidence = new FlagEvidence(List.of(), List.of(), "rule");
        assertThrows(IllegalArgumentException.class, () -> new FlagOccurrence(NeurotoxicityFlag.SEIZURE,
                FlagPriority.PH, 1, INFUSION, INFUSION.plusSeconds(60), FlagStatus.ACTIVE, evidence));
        assertThrows(IllegalArgumentException.class, () -> new FlagOccurrence(NeurotoxicityFlag.SEIZURE,
                FlagPriority.PH, 1, INFUSION, null, FlagStatus.INACTIVE, evidence));
        assertThrows(IllegalArgumentException.class, () -> new FlagOccurrence(NeurotoxicityFlag.SEIZURE,
                FlagPriority.PH, 0, INFUSION, null, FlagStatus.ACTIVE, evidence));
    }

    @Test
    void everyFlagHasAPriorityAndAnExplanationThatNamesItsWindows() {
        FlagConfig config = FlagConfig.defaults().withPointFindingHold(Duration.ofHours(48));
        assertTrue(new SeizureRule().explanation(config).contains("48 h"));
        assertTrue(new MotorWeaknessRule().explanation(config).contains("28 days"));
        for (NeurotoxicityFlag f : NeurotoxicityFlag.values()) {
            assertTrue(f.priority() != null, f.code());
        }
    }
}
