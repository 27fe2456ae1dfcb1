package org.toxgrade.e2e;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.toxgrade.support.Api.as;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.toxgrade.support.Results;
import org.toxgrade.support.SeedCases;

/**
 * The second seed (seeds/case-polyradiculopathy-sps-after-cart.txt): CRS grade 1, no ICANS by
 * ICE, and a peripheral neurotoxicity the flags must surface. Day 0 is 2026-01-05 (UTC).
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PolyradiculopathyCaseEndToEndTest {

    private static final String PATIENT = "polyrad-case";
    private List<String> days;
    private Map<String, JsonNode> results;

    @BeforeEach
    void sendTheCaseOnce() {
        if (days != null) {
            return;
        }
        days = SeedCases.days("polyradiculopathy");
        SeedCases.post(days);
        results = Results.stored(PATIENT);
    }

    private Optional<JsonNode> flag(String code) {
        return occurrence(code, 1);
    }

    /** Occurrence n of a flag: its Flag id ends in {@code -<code>-<n>}. */
    private Optional<JsonNode> occurrence(String code, int n) {
        return results.entrySet().stream()
                .filter(e -> e.getKey().startsWith("Flag/") && e.getKey().endsWith("-" + code + "-" + n))
                .map(Map.Entry::getValue).findFirst();
    }

    private long occurrences(String code) {
        return results.keySet().stream().filter(id -> id.startsWith("Flag/") && id.contains("-" + code + "-")).count();
    }

    /** The records a Flag names as its flag-detail. */
    private static List<String> details(JsonNode flag) {
        List<String> references = new ArrayList<>();
        flag.path("extension").forEach(e -> {
            if (e.path("url").asText().endsWith("flag-detail")) {
                references.add(e.path("valueReference").path("reference").asText());
            }
        });
        return references;
    }

    @Test
    void crsIsGrade1OnDay10AndThereIsNoIcans() {
        // "Grade 1 CRS on Day +10" ... "resolved with a dose of tocilizumab"
        JsonNode crs = results.entrySet().stream().filter(e -> e.getKey().endsWith("-crs")).findFirst()
                .orElseThrow().getValue();
        assertEquals("grade-1", crs.path("stage").get(0).path("summary").path("coding").get(0).path("code").asText());
        assertTrue(crs.toString().contains("D89.831"));
        assertEquals("2026-01-15T14:00:00+00:00", crs.path("onsetDateTime").asText());
        // "did not have other specific symptoms ... such as encephalopathy": no ICANS by ICE.
        assertFalse(results.keySet().stream().anyMatch(id -> id.endsWith("-icans")), results.keySet()::toString);
        assertTrue(flag("icans-onset").isEmpty());
        assertTrue(flag("icans-high-grade").isEmpty());
        assertTrue(flag("seizure").isEmpty());
        // "resolved with a dose of tocilizumab": 36.9 °C on day 11 ends the day-10 fever (the latest
        // reading decides, docs/clinical-rules.md section 2), so day 11 is CRS 0.
        as(Results.READER).when().get("/api/patients/" + PATIENT + "/timeline").then().statusCode(200)
                .body("episodes[0].days.find { it.day == 10 }.grades.crs.grade", equalTo(1))
                .body("episodes[0].days.find { it.day == 11 }.grades.crs.grade", equalTo(0));
    }

    @Test
    void theRadiculopathySurfacesAsOnePeripheralNeurotoxicityWhileItPersists() {
        // "Six days after receiving CAR T cell therapy, the patient reported body aches ... described
        // as 'electrical' and 'burning'", then leg weakness (paraparesis from the nerve roots); "Over
        // the course of the ensuing three weeks the pain severely limited her ability to walk ...
        // bilateral lower extremity weakness" (day 27); "Electromyography (EMG) on Day +52
        // demonstrated active denervation"; "cerebrospinal fluid (CSF) analysis showing lymphocytic
        // pleocytosis" (day 55). The symptoms persist throughout: one occurrence, not three with gaps
        // (docs/clinical-rules.md section 5: "the same flag does not flicker into several occurrences while the
        // symptoms continue"); it ends 28 days (the silence) after the CSF of day 55.
        JsonNode peripheral = occurrence("peripheral-neurotoxicity", 1).orElseThrow();
        assertEquals("2026-01-11T12:00:00+00:00", peripheral.path("period").path("start").asText());
        assertEquals("2026-03-29T10:00:00+00:00", peripheral.path("period").path("end").asText());
        assertEquals("inactive", peripheral.path("status").asText());
        assertTrue(details(peripheral).containsAll(List.of("Observation/polyrad-pain-d6",
                "Observation/polyrad-weakness-d6", "Observation/polyrad-weakness-d27", "Observation/polyrad-emg-d52",
                "Observation/polyrad-csf-d55")), details(peripheral)::toString);
        // "Four weeks later, on Day +156, the patient developed severe acute pain": the flare, after
        // the improvement on IVIG, is the second occurrence (day 156 is after the day-100 grading
        // window, within the neurological surveillance).
        assertEquals(2, occurrences("peripheral-neurotoxicity"), results.keySet()::toString);
        JsonNode flare = occurrence("peripheral-neurotoxicity", 2).orElseThrow();
        assertEquals("2026-06-10T10:00:00+00:00", flare.path("period").path("start").asText());
        assertTrue(details(flare).containsAll(List.of("Observation/polyrad-pain-d156", "Observation/polyrad-emg-d157")),
                details(flare)::toString);
        JsonNode weakness = flag("motor-weakness").orElseThrow();
        assertEquals("2026-01-11", weakness.path("period").path("start").asText().substring(0, 10));
        assertEquals(1, occurrences("motor-weakness"), results.keySet()::toString);
    }

    @Test
    void theDenervationAfterDay28IsDelayedNeurotoxicity() {
        // "Electromyography (EMG) on Day +52 demonstrated active denervation throughout both lower
        // extremities": a new neurological finding after day 28.
        JsonNode delayed = flag("delayed-neurotoxicity").orElseThrow();
        assertEquals("2026-02-26", delayed.path("period").path("start").asText().substring(0, 10));
        assertTrue(delayed.toString().contains("polyrad-emg-d52"), delayed::toString);
        assertEquals(2, occurrences("delayed-neurotoxicity"), results.keySet()::toString);
    }

    @Test
    void theDay156FlareAfterTheGradingWindowRaisesDelayedNeurotoxicity() {
        // "on Day +156, the patient developed severe acute pain affecting her trunk and proximal
        // extremities ... She described stiffness, muscle spasms, involuntary extremity movements ...
        // Repeat EMG showed denervation of lumbosacral muscles". docs/clinical-rules.md section 1: CRS and
        // ICANS are graded up to day 100, but "Neurological findings are followed longer, for the
        // late-neurotoxicity flags (surveillance window, configurable, default day 365)": the flare is
        // a new neurological finding (stiffness and spasms were never charted before) and raises
        // delayed-neurotoxicity again. (Until the surveillance window existed, the flare was kept as a
        // fact but flagged nothing, day 156 being past the day-100 grading window.)
        JsonNode flare = occurrence("delayed-neurotoxicity", 2).orElseThrow();
        assertEquals("2026-06-10T10:00:00+00:00", flare.path("period").path("start").asText());
        assertTrue(details(flare).containsAll(List.of("Observation/polyrad-stiffness-d156",
                "Observation/polyrad-pain-d156", "Observation/polyrad-emg-d157")), details(flare)::toString);
        // "A neurological exam at this time showed normal leg strength": the input contract has no
        // code for normal strength (seed README), so the flare ends 28 days after the repeat EMG.
        assertEquals("2026-07-09T10:00:00+00:00", flare.path("period").path("end").asText());
        // Grades stay within the day-100 window: the timeline shows days 0-100, and no ICANS.
        as(Results.READER).when().get("/api/patients/" + PATIENT + "/timeline").then().statusCode(200)
                .body("episodes[0].days.size()", equalTo(101))
                .body("episodes[0].days.findAll { it.grades.icans.grade != null && it.grades.icans.grade > 0 }.size()",
                        equalTo(0));
    }

    @Test
    void gradeGivesTheSameAnswerAsTheStoredPath() {
        String answer = as("toxgrade/grade").urlEncodingEnabled(false).contentType("application/fhir+json")
                .body(SeedCases.asCollection(days)).when().post("/fhir/$grade")
                .then().statusCode(200).extract().asString();
        String key = results.keySet().iterator().next().split("/")[1].substring(0, 19);
        assertEquals(Results.clinicalContent(results, key), Results.clinicalContent(Results.graded(answer), key));
    }
}
