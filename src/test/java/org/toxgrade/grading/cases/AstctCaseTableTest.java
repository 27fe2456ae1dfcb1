package org.toxgrade.grading.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.toxgrade.grading.DayGrade;
import org.toxgrade.grading.Domain;
import org.toxgrade.grading.EpisodeGrader;
import org.toxgrade.grading.EpisodeGrading;
import org.toxgrade.grading.InstantGrade;
import org.toxgrade.grading.NotAssessedReason;
import org.toxgrade.grading.Note;
import org.toxgrade.grading.Spell;
import org.toxgrade.grading.Syndrome;
import org.toxgrade.grading.SyndromeGrading;

/** Walks the ASTCT case tables in {@code src/test/resources/grading/} and checks every expectation. */
class AstctCaseTableTest {

    /** How a case file says "not assessed" (docs/clinical-rules.md section 4), for an instant, a day, a domain or the episode. */
    static final String NOT_ASSESSED = "not-assessed";

    static Stream<GradingCase> cases() {
        return GradingCase.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gradesAsTheCaseExpects(GradingCase c) {
        EpisodeGrading grading = EpisodeGrader.grade(c.facts(), c.config(), c.asOf());
        assertTrue(c.expect().has("crs") || c.expect().has("icans"), "case expects nothing: " + c);
        check(c, grading.of(Syndrome.CRS), c.expect().path("crs"));
        check(c, grading.of(Syndrome.ICANS), c.expect().path("icans"));
    }

    private static void check(GradingCase c, SyndromeGrading actual, JsonNode expect) {
        if (expect.isMissingNode()) {
            return;
        }
        String what = c + " [" + actual.syndrome() + "]";
        for (JsonNode e : expect.path("instants")) {
            Instant at = c.clock().parse(e.get("at").asText());
            InstantGrade g = actual.at(at).orElseGet(() -> fail(what + ": no assessment at " + e.get("at")
                    + "; assessed: " + actual.instants().stream().map(InstantGrade::time).toList()));
            String where = what + " at " + e.get("at").asText() + ", evidence " + g.evidence();
            if (e.has("grade")) {
                if (NOT_ASSESSED.equals(e.get("grade").asText())) {
                    assertFalse(g.assessed(), where + ": expected not assessed, graded " + g.grade());
                } else {
                    assertEquals(OptionalInt.of(e.get("grade").asInt()), g.grade(), where);
                }
            }
            if (e.has("reason")) {
                assertEquals(Optional.of(NotAssessedReason.valueOf(e.get("reason").asText())), g.notAssessed(), where);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = e.path("domainGrades").fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> d = it.next();
                assertEquals(expectedGrade(d.getValue()), g.domain(Domain.valueOf(d.getKey())),
                        where + ": domain " + d.getKey() + "; domains " + g.domains());
            }
            if (e.has("domains")) {
                List<Domain> domains = new ArrayList<>();
                e.get("domains").forEach(d -> domains.add(Domain.valueOf(d.asText())));
                assertEquals(domains, g.evidence().decisiveDomains(), where);
            }
            for (JsonNode rule : e.path("rules")) {
                assertTrue(g.evidence().ruleIds().contains(rule.asText()), where + ": missing rule " + rule);
            }
            for (JsonNode fact : e.path("facts")) {
                assertTrue(g.evidence().factIds().contains(fact.asText()), where + ": missing fact " + fact);
            }
            List<String> codes = g.evidence().notes().stream().map(n -> n.code().name()).toList();
            for (JsonNode note : e.path("notes")) {
                assertTrue(codes.contains(note.asText()), where + ": missing note " + note);
            }
            for (JsonNode note : e.path("noNotes")) {
                assertFalse(codes.contains(note.asText()), where + ": unexpected note " + note);
            }
            for (JsonNode text : e.path("noteTexts")) {
                assertTrue(g.evidence().notes().stream().anyMatch(n -> n.text().contains(text.asText())),
                        where + ": no note says '" + text.asText() + "'");
            }
            for (JsonNode fact : e.path("noteFacts")) {
                assertTrue(
                        g.evidence().notes().stream().map(Note::factIds).anyMatch(ids -> ids.contains(fact.asText())),
                        where + ": no note names " + fact);
            }
        }
        for (JsonNode at : expect.path("notInstants")) {
            assertTrue(actual.at(c.clock().parse(at.asText())).isEmpty(), what + ": an assessment instant at " + at);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = expect.path("days").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> day = it.next();
            Optional<DayGrade> d = actual.day(Integer.parseInt(day.getKey()));
            String where = what + " day " + day.getKey() + "; days " + actual.days();
            if (day.getValue().isNull()) {
                // Older rows: no day grade, whether the day is outside the graded days or not assessed.
                assertTrue(d.isEmpty() || !d.get().assessed(), where);
            } else if (NOT_ASSESSED.equals(day.getValue().asText())) {
                assertTrue(d.isPresent() && !d.get().assessed(), where);
            } else {
                assertEquals(OptionalInt.of(day.getValue().asInt()),
                        d.map(DayGrade::grade).orElse(OptionalInt.empty()), where);
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = expect.path("dayReasons").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> day = it.next();
            assertEquals(Optional.of(NotAssessedReason.valueOf(day.getValue().asText())),
                    actual.day(Integer.parseInt(day.getKey())).flatMap(DayGrade::notAssessed),
                    what + " day " + day.getKey() + " reason");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = expect.path("dayDomains").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> day = it.next();
            DayGrade d = actual.day(Integer.parseInt(day.getKey()))
                    .orElseGet(() -> fail(what + ": no day " + day.getKey()));
            for (Iterator<Map.Entry<String, JsonNode>> ds = day.getValue().fields(); ds.hasNext();) {
                Map.Entry<String, JsonNode> domain = ds.next();
                assertEquals(expectedGrade(domain.getValue()), d.domain(Domain.valueOf(domain.getKey())),
                        what + " day " + day.getKey() + " domain " + domain.getKey() + "; " + d);
            }
        }
        if (expect.has("daySetAt")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = expect.get("daySetAt").fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> day = it.next();
                assertEquals(Optional.of(c.clock().parse(day.getValue().asText())),
                        actual.day(Integer.parseInt(day.getKey())).flatMap(DayGrade::setAt),
                        what + " day " + day.getKey() + " set at");
            }
        }
        if (expect.has("episode")) {
            assertEquals(expectedGrade(expect.get("episode")), actual.episode().grade(), what + " episode grade");
        }
        if (expect.has("episodeAt")) {
            assertEquals(Optional.of(c.clock().parse(expect.get("episodeAt").asText())), actual.episode().at(),
                    what + " episode grade instant");
        }
        if (expect.has("status")) {
            assertEquals(expect.get("status").asText(), actual.course().status().name(),
                    what + " status; spells " + actual.course().spells());
        }
        if (expect.has("spells")) {
            List<Spell> spells = actual.course().spells();
            assertEquals(expect.get("spells").size(), spells.size(), what + " spells " + spells);
            for (int i = 0; i < spells.size(); i++) {
                checkSpell(c, what + " spell " + (i + 1), expect.get("spells").get(i), spells.get(i));
            }
        }
    }

    /** A grade in a case file: a number, or {@code "not-assessed"}. */
    private static OptionalInt expectedGrade(JsonNode value) {
        return NOT_ASSESSED.equals(value.asText()) ? OptionalInt.empty() : OptionalInt.of(value.asInt());
    }

    private static void checkSpell(GradingCase c, String what, JsonNode e, Spell s) {
        assertEquals(c.clock().parse(e.get("onset").asText()), s.onset(), what + " onset " + s);
        if (e.has("peak")) {
            assertEquals(e.get("peak").asInt(), s.peakGrade(), what + " peak " + s);
        }
        if (e.has("abatement")) {
            assertEquals(optionalTime(c, e.get("abatement")), s.abatement(), what + " abatement " + s);
        }
        if (e.has("resolvedAt")) {
            assertEquals(optionalTime(c, e.get("resolvedAt")), s.resolvedAt(), what + " resolution " + s);
        }
    }

    private static Optional<Instant> optionalTime(GradingCase c, JsonNode value) {
        return value.isNull() ? Optional.empty() : Optional.of(c.clock().parse(value.asText()));
    }
}
