package org.toxgrade.flags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.toxgrade.facts.SeedCaseFacts;
import org.toxgrade.grading.EpisodeFacts;
import org.toxgrade.grading.EpisodeGrader;
import org.toxgrade.grading.EpisodeGrading;
import org.toxgrade.grading.GradingConfig;
import org.toxgrade.grading.Syndrome;
import org.toxgrade.grading.cases.CaseClock;

/**
 * Acceptance scenario: seeds/case-polyradiculopathy-sps-after-cart.txt (docs/clinical-rules.md section 6),
 * read from the FHIR Bundles the end-to-end test sends ({@code src/test/resources/seeds/polyradiculopathy/}).
 * "No ICANS by ICE; the flags must still surface the neurotoxicity." Each assertion quotes the
 * sentence of the report it checks.
 */
class PolyradiculopathySeedScenarioTest {

    /** Day 0 is 2026-01-05, infusion 10:00 UTC. */
    static final CaseClock TIME = new CaseClock(LocalDateTime.parse("2026-01-05T10:00"), ZoneOffset.UTC);

    static EpisodeFacts facts;
    static EpisodeGrading grading;
    static List<FlagOccurrence> flags;

    @BeforeAll
    static void evaluate() {
        facts = SeedCaseFacts.read("polyradiculopathy").episodeFacts();
        assertEquals(TIME.infusionInstant(), facts.infusion());
        // Graded up to the end of the day-100 window; the flags judged on day 160, within the
        // neurological surveillance (docs/clinical-rules.md section 1), as the service derives the episode.
        grading = EpisodeGrader.grade(facts, GradingConfig.defaults(), at("day 101 00:00"));
        flags = FlagEngine.evaluate(facts, grading, FlagConfig.defaults(), at("day 160 00:00"));
    }

    static Instant at(String time) {
        return TIME.parse(time);
    }

    static List<FlagOccurrence> of(NeurotoxicityFlag flag) {
        return flags.stream().filter(o -> o.flag() == flag).toList();
    }

    @Test
    void theEncodingGradesCrs1OnDay10AndNoIcans() {
        // "complicated by Grade 1 CRS on Day +10 and resolved with a dose of tocilizumab"
        assertEquals(OptionalInt.of(1), grading.of(Syndrome.CRS).episode().grade());
        assertEquals(OptionalInt.of(1), grading.of(Syndrome.CRS).day(10).orElseThrow().grade());
        assertEquals(OptionalInt.of(0), grading.of(Syndrome.ICANS).episode().grade());
    }

    @Test
    void peripheralNeurotoxicityFromDay6AndAgainAtTheDay156Flare() {
        // "Six days after receiving CAR T cell therapy, the patient reported body aches ... 'electrical'
        // and 'burning'" and "bilateral lower extremity weakness"
        List<FlagOccurrence> peripheral = of(NeurotoxicityFlag.PERIPHERAL_NEUROTOXICITY);
        assertEquals(2, peripheral.size(), peripheral.toString());
        assertEquals(at("day 6 12:00"), peripheral.get(0).start());
        // "Electromyography (EMG) on Day +52 demonstrated active denervation"; "CSF ... lymphocytic
        // pleocytosis" on Day +55
        assertTrue(peripheral.get(0).evidence().factIds().containsAll(List.of("Observation/polyrad-pain-d6",
                "Observation/polyrad-weakness-d6", "Observation/polyrad-weakness-d27", "Observation/polyrad-emg-d52",
                "Observation/polyrad-csf-d55")));
        // One occurrence while the symptoms persist (docs/clinical-rules.md section 5: "the same flag does not
        // flicker"): findings charted on days 6, 27, 52 and 55, never 28 days apart. The report charts
        // nothing more until the flare, so the occurrence ends 28 days after the day-55 CSF.
        assertEquals(at("day 83 10:00"), peripheral.get(0).end());
        // "Four weeks later, on Day +156, the patient developed severe acute pain", after the day-100
        // grading window: peripheral findings are followed in the surveillance window.
        assertEquals(at("day 156 10:00"), peripheral.get(1).start());
        assertEquals(FlagStatus.ACTIVE, peripheral.get(1).status());
        assertEquals(FlagPriority.PL, peripheral.get(1).priority());
        // "Repeat EMG showed denervation of lumbosacral muscles"
        assertTrue(peripheral.get(1).evidence().factIds().containsAll(
                List.of("Observation/polyrad-pain-d156", "Observation/polyrad-emg-d157")),
                peripheral.get(1).toString());
    }

    @Test
    void motorWeaknessFromTheLegWeaknessOfDay6() {
        // "progressive severe bilateral lower extremity burning pain followed by paraparesis"
        List<FlagOccurrence> motor = of(NeurotoxicityFlag.MOTOR_WEAKNESS);
        assertTrue(!motor.isEmpty());
        assertEquals(at("day 6 12:00"), motor.get(0).start());
        assertTrue(motor.get(0).evidence().factIds().contains("Observation/polyrad-weakness-d6"));
        assertEquals(FlagPriority.PH, motor.get(0).priority());
    }

    @Test
    void delayedNeurotoxicityAtTheDay52EmgAndAgainAtTheDay156Flare() {
        // "Electromyography (EMG) on Day +52 demonstrated active denervation": new, after day 28. The
        // pain charted since day 6 is not new and does not start it.
        List<FlagOccurrence> delayed = of(NeurotoxicityFlag.DELAYED_NEUROTOXICITY);
        assertEquals(2, delayed.size(), delayed.toString());
        assertEquals(at("day 52 10:00"), delayed.get(0).start());
        assertTrue(delayed.get(0).evidence().factIds().containsAll(List.of("Observation/polyrad-emg-d52",
                "Observation/polyrad-csf-d55")));
        assertTrue(!delayed.get(0).evidence().factIds().contains("Observation/polyrad-pain-d6"),
                "pain charted since day 6 is not new and not its evidence");
        // "on Day +156 ... She described stiffness, muscle spasms, involuntary extremity movements": a
        // new finding after the grading window, within the neurological surveillance (day 365)
        assertEquals(at("day 156 10:00"), delayed.get(1).start());
        assertTrue(delayed.get(1).evidence().factIds().containsAll(List.of("Observation/polyrad-stiffness-d156",
                "Observation/polyrad-pain-d156", "Observation/polyrad-emg-d157")), delayed.get(1).toString());
        assertEquals(FlagStatus.ACTIVE, delayed.get(1).status());
    }

    @Test
    void noIcansFlags() {
        // "the patient did not have other specific symptoms of PERM such as encephalopathy"; ICE 10 throughout
        for (NeurotoxicityFlag flag : List.of(NeurotoxicityFlag.ICANS_ONSET, NeurotoxicityFlag.ICANS_HIGH_GRADE,
                NeurotoxicityFlag.SEIZURE, NeurotoxicityFlag.CEREBRAL_EDEMA, NeurotoxicityFlag.PRES_SUSPECTED,
                NeurotoxicityFlag.HYPERTENSION_GRADE3)) {
            assertTrue(of(flag).isEmpty(), flag + " " + of(flag));
        }
        // "treated with dexamethasone (20 mg) and continued at 10 mg daily": a taper, but no grade rose
        assertTrue(of(NeurotoxicityFlag.STEROID_TAPER_REBOUND).isEmpty());
    }
}
