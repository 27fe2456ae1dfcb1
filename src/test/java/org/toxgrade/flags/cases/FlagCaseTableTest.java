package org.toxgrade.flags.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.toxgrade.flags.FlagEngine;
import org.toxgrade.flags.FlagOccurrence;
import org.toxgrade.flags.FlagStatus;
import org.toxgrade.flags.GradeAt;
import org.toxgrade.flags.NeurotoxicityFlag;
import org.toxgrade.flags.SteroidTaper;
import org.toxgrade.grading.EpisodeFacts;
import org.toxgrade.grading.EpisodeGrader;
import org.toxgrade.grading.EpisodeGrading;
import org.toxgrade.grading.Syndrome;
import org.toxgrade.grading.fact.Fact;

/** Walks the flag case tables in {@code src/test/resources/flags/} and checks every expectation. */
class FlagCaseTableTest {

    static Stream<FlagCase> cases() {
        return FlagCase.all().stream();
    }

    static List<FlagOccurrence> evaluate(FlagCase c, List<Fact> facts) {
        EpisodeFacts episode = c.episode(facts);
        EpisodeGrading grading = EpisodeGrader.grade(episode, c.gradingConfig(), c.gradingAsOf());
        return FlagEngine.evaluate(episode, grading, c.config(), c.asOf(), c.patient());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void raisesTheFlagsTheCaseExpects(FlagCase c) {
        List<FlagOccurrence> actual = evaluate(c, c.facts());
        Map<NeurotoxicityFlag, List<JsonNode>> expected = new LinkedHashMap<>();
        for (JsonNode e : c.expect()) {
            expected.computeIfAbsent(NeurotoxicityFlag.ofCode(e.get("flag").asText()), k -> new ArrayList<>()).add(e);
        }
        for (Map.Entry<NeurotoxicityFlag, List<JsonNode>> entry : expected.entrySet()) {
            List<FlagOccurrence> of = actual.stream().filter(o -> o.flag() == entry.getKey()).toList();
            String what = c + " [" + entry.getKey().code() + "] actual " + of;
            assertEquals(entry.getValue().size(), of.size(), what + ": number of occurrences");
            for (int i = 0; i < of.size(); i++) {
                check(c, entry.getValue().get(i), of.get(i), what);
            }
        }
        if (c.tapers() != null) {
            checkTapers(c);
        }
        for (JsonNode code : c.absent()) {
            NeurotoxicityFlag flag = NeurotoxicityFlag.ofCode(code.asText());
            List<FlagOccurrence> of = actual.stream().filter(o -> o.flag() == flag).toList();
            assertTrue(of.isEmpty(), c + ": " + flag.code() + " must not fire, got " + of);
        }
    }

    /** Arrival order must not matter (docs/clinical-rules.md section 4): reversed and shuffled, same output. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void givesTheSameFlagsWhateverTheOrderOfTheFacts(FlagCase c) {
        List<FlagOccurrence> inOrder = evaluate(c, c.facts());
        List<Fact> reversed = new ArrayList<>(c.facts());
        Collections.reverse(reversed);
        assertEquals(inOrder, evaluate(c, reversed), c + ": reversed");
        List<Fact> shuffled = new ArrayList<>(c.facts());
        Collections.shuffle(shuffled, new Random(c.name().hashCode()));
        assertEquals(inOrder, evaluate(c, shuffled), c + ": shuffled");
    }

    /** {@code tapers}: exactly these tapers, by start (and last step when given), in time order. */
    private static void checkTapers(FlagCase c) {
        EpisodeFacts episode = c.episode(c.facts());
        EpisodeGrading grading = EpisodeGrader.grade(episode, c.gradingConfig(), c.gradingAsOf());
        List<SteroidTaper> actual = FlagEngine.steroidTapers(episode, grading, c.config(), c.asOf());
        String what = c + " [tapers] actual " + actual;
        assertEquals(c.tapers().size(), actual.size(), what + ": number of tapers");
        for (int i = 0; i < actual.size(); i++) {
            JsonNode e = c.tapers().get(i);
            String start = e.isTextual() ? e.asText() : e.get("start").asText();
            assertEquals(c.time().parse(start), actual.get(i).start(), what + ": start of taper " + (i + 1));
            if (e.has("lastStep")) {
                assertEquals(c.time().parse(e.get("lastStep").asText()), actual.get(i).lastStep(),
                        what + ": last step of taper " + (i + 1));
            }
            for (JsonNode id : e.path("facts")) {
                assertTrue(actual.get(i).factIds().contains(id.asText()),
                        what + ": taper " + (i + 1) + " lacks " + id.asText());
            }
        }
    }

    private static void check(FlagCase c, JsonNode e, FlagOccurrence o, String what) {
        String where = what + " occurrence " + o.occurrence();
        if (e.has("occurrence")) {
            assertEquals(e.get("occurrence").asInt(), o.occurrence(), where);
        }
        if (e.has("status")) {
            assertEquals(FlagStatus.valueOf(e.get("status").asText()), o.status(), where);
        }
        if (e.has("start")) {
            assertEquals(c.time().parse(e.get("start").asText()), o.start(), where + ": start");
        }
        if (e.has("end")) {
            Instant end = e.get("end").isNull() ? null : c.time().parse(e.get("end").asText());
            assertEquals(end, o.end(), where + ": end");
        }
        if (e.has("priority")) {
            assertEquals(e.get("priority").asText(), o.priority().code(), where);
        }
        for (JsonNode id : e.path("facts")) {
            assertTrue(o.evidence().factIds().contains(id.asText()),
                    where + ": evidence lacks " + id.asText() + ", has " + o.evidence().factIds());
        }
        for (JsonNode id : e.path("noFacts")) {
            assertTrue(!o.evidence().factIds().contains(id.asText()),
                    where + ": evidence must not name " + id.asText());
        }
        for (JsonNode g : e.path("grades")) {
            GradeAt wanted = new GradeAt(Syndrome.valueOf(g.get("syndrome").asText()),
                    c.time().parse(g.get("at").asText()), g.get("grade").asInt());
            assertTrue(o.evidence().grades().contains(wanted),
                    where + ": evidence lacks " + wanted + ", has " + o.evidence().grades());
        }
        assertTrue(!o.evidence().explanation().isBlank(), where + ": no explanation");
        for (JsonNode text : e.path("explains")) {
            assertTrue(o.evidence().explanation().contains(text.asText()),
                    where + ": explanation lacks '" + text.asText() + "': " + o.evidence().explanation());
        }
    }
}
