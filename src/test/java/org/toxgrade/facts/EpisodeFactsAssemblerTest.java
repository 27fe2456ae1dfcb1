package org.toxgrade.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.toxgrade.grading.EpisodeFacts;
import org.toxgrade.grading.fact.BloodPressure;
import org.toxgrade.grading.fact.DevelopmentalInability;
import org.toxgrade.grading.fact.Fact;
import org.toxgrade.grading.fact.OxygenSupport;
import org.toxgrade.grading.fact.OxygenSupport.Device;
import org.toxgrade.grading.fact.Temperature;

/** Pairing of separately sent observations into the grading's facts. */
class EpisodeFactsAssemblerTest {

    private static final Instant INFUSION = Instant.parse("2026-03-02T10:00:00Z");
    private static final Instant T = Instant.parse("2026-03-07T10:00:00Z");
    private final EpisodeFactsAssembler assembler = EpisodeFactsAssembler.withDefaults();

    private static PatientFacts mapped(String... fixtures) {
        List<Fact> facts = new ArrayList<>();
        List<ContextFact> context = new ArrayList<>();
        for (String fixture : fixtures) {
            FactExtraction e = FactsFixtures.MAPPER.map(FactsFixtures.valid(fixture));
            facts.addAll(e.facts());
            context.addAll(e.contextFacts());
        }
        return PatientFacts.of(LocalDate.of(1995, 6, 15), facts, context);
    }

    @Test
    void aFlowAtTheDeviceInstantJoinsTheDeviceUnderTheDeviceId() {
        EpisodeFacts episode = assembler.assemble(INFUSION, mapped("obs-oxygen-device-no-flow", "obs-oxygen-flow"));
        assertEquals(List.of(new OxygenSupport("Observation/o2-2", T, Device.LOW_FLOW_NASAL_CANNULA, 4.0, false)),
                episode.oxygen());
    }

    @Test
    void aLaterFlowPairsWithTheLatestDeviceBeforeItUnderTheFlowId() {
        EpisodeFacts episode = assembler.assemble(INFUSION,
                mapped("obs-oxygen-device-no-flow", "obs-oxygen-flow-later"));
        assertEquals(List.of(
                new OxygenSupport("Observation/o2-2", T, Device.LOW_FLOW_NASAL_CANNULA, null, false),
                new OxygenSupport("Observation/flow-2", Instant.parse("2026-03-07T14:00:00Z"),
                        Device.LOW_FLOW_NASAL_CANNULA, 8.0, false)),
                episode.oxygen());
    }

    @Test
    void aPulseOximetryFlowComponentPairsLikeAFlowObservation() {
        EpisodeFacts episode = assembler.assemble(INFUSION,
                mapped("obs-oxygen-device-no-flow", "obs-spo2-flow-component"));
        assertTrue(
                episode.oxygen().contains(new OxygenSupport("Observation/spo2-1", Instant.parse("2026-03-07T12:00:00Z"),
                        Device.LOW_FLOW_NASAL_CANNULA, 5.0, false)));
    }

    @Test
    void theDevicesOwnFlowComponentWinsOverASeparateFlow() {
        EpisodeFacts episode = assembler.assemble(INFUSION,
                mapped("obs-oxygen-device-flow-component", "obs-oxygen-flow"));
        assertEquals(List.of(new OxygenSupport("Observation/o2-1", T, Device.HIGH_FLOW_NASAL_CANNULA, 30.0, false)),
                episode.oxygen());
    }

    @Test
    void aFlowWithoutAnyDeviceDoesNotGrade() {
        assertTrue(assembler.assemble(INFUSION, mapped("obs-oxygen-flow")).oxygen().isEmpty());
    }

    @Test
    void aFlowBeyondThePairingWindowDoesNotPair() {
        OxygenSupport device = new OxygenSupport("Observation/d", T, Device.LOW_FLOW_NASAL_CANNULA, null, false);
        OxygenFlow late = new OxygenFlow("Observation/f", T.plusSeconds(13 * 3600), 3.0);
        EpisodeFacts episode = assembler.assemble(INFUSION,
                PatientFacts.of(null, List.of(device), List.of(late)));
        assertEquals(List.of(device), episode.oxygen());
    }

    @Test
    void aComfortIndicationMarksTheDeviceComfortOnly() {
        EpisodeFacts episode = assembler.assemble(INFUSION,
                mapped("obs-oxygen-device-no-flow", "obs-oxygen-indication-comfort"));
        assertEquals(List.of(new OxygenSupport("Observation/o2-2", T, Device.LOW_FLOW_NASAL_CANNULA, null, true)),
                episode.oxygen());
    }

    @Test
    void aComfortComponentOnTheDeviceIsKept() {
        EpisodeFacts episode = assembler.assemble(INFUSION, mapped("obs-oxygen-device-comfort-component"));
        assertTrue(episode.oxygen().get(0).forComfortOnly());
    }

    @Test
    void separateSystolicAndDiastolicAtOneInstantBecomeOneReading() {
        EpisodeFacts episode = assembler.assemble(INFUSION,
                mapped("obs-bp-systolic", "obs-bp-diastolic", "obs-bp-mean"));
        assertEquals(List.of(new BloodPressure("Observation/bp-dia", T, 84.0, 48.0, 60.0)), episode.bloodPressures());
    }

    @Test
    void overlappingReadingsAtOneInstantStaySeparate() {
        EpisodeFacts episode = assembler.assemble(INFUSION, mapped("obs-bp-panel", "obs-bp-systolic"));
        assertEquals(2, episode.bloodPressures().size());
    }

    @Test
    void theResultDoesNotDependOnArrivalOrder() {
        PatientFacts facts = mapped("obs-oxygen-device-no-flow", "obs-oxygen-flow", "obs-oxygen-flow-later",
                "obs-oxygen-indication-comfort", "obs-bp-systolic", "obs-bp-diastolic", "obs-temperature-celsius");
        List<Fact> reversed = new ArrayList<>(facts.facts());
        Collections.reverse(reversed);
        List<ContextFact> reversedContext = new ArrayList<>(facts.contextFacts());
        Collections.reverse(reversedContext);
        EpisodeFacts a = assembler.assemble(INFUSION, facts);
        EpisodeFacts b = assembler.assemble(INFUSION,
                PatientFacts.of(facts.birthDate(), reversed, reversedContext));
        assertEquals(sorted(a.allFacts()), sorted(b.allFacts()));
    }

    @Test
    void birthDateAndOtherFactsPassThrough() {
        EpisodeFacts episode = assembler.assemble(INFUSION, mapped("obs-temperature-celsius"));
        assertEquals(LocalDate.of(1995, 6, 15), episode.birthDate());
        assertEquals(List.of(new Temperature("Observation/t1", T, 38.6)), episode.temperatures());
        assertEquals(INFUSION, episode.infusion());
    }

    @Test
    void statementsOfDevelopmentalInabilityAreKeptApartAndReachTheEpisode() {
        // Charted a month before the infusion: a state, not cut to any window.
        DevelopmentalInability unable = new DevelopmentalInability("Observation/dev",
                INFUSION.minusSeconds(30 * 86400L),
                true);
        Temperature fever = new Temperature("Observation/t1", T, 38.6);
        PatientFacts patient = PatientFacts.of(null, List.of(unable, fever), List.of());
        assertEquals(List.of(unable), patient.developmentallyUnableForIce());
        assertEquals(List.of(fever), patient.facts());
        EpisodeFacts episode = assembler.assemble(INFUSION, patient);
        assertEquals(List.of(unable), episode.developmentalInability());
        assertEquals(List.of(fever), episode.temperatures());
    }

    private static List<Fact> sorted(List<Fact> facts) {
        List<Fact> copy = new ArrayList<>(facts);
        copy.sort(Fact.CANONICAL_ORDER);
        return copy;
    }
}
