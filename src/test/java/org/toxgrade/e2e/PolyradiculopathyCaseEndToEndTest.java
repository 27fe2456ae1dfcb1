package org.toxgrade.e2e;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.toxgrade.support.Api.as;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
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
        return results.entrySet().stream()
                .filter(e -> e.getKey().startsWith("Flag/") && e.getKey().contains("-" + code + "-"))
                .map(Map.Entry::getValue).findFirst();
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
        // reading decides, CLINICAL-SPEC section 2), so day 11 is CRS 0.
        as(Results.READER).when().get("/api/patients/" + PATIENT + "/timeline").then().statusCode(200)
                .body("episodes[0].days.find { it.day == 10 }.grades.crs.grade", equalTo(1))
                .body("episodes[0].days.find { it.day == 11 }.grades.crs.grade", equalTo(0));
    }

    @Test
    void theRadiculopathySurfacesAsPeripheralNeurotoxicityAndMotorWeakness() {
        // "Six days after receiving CAR T cell therapy, the patient reported body aches ... described
        // as 'electrical' and 'burning'", then leg weakness (paraparesis from the nerve roots).
        JsonNode peripheral = flag("peripheral-neurotoxicity").orElseThrow();
        assertEquals("2026-01-11", peripheral.path("period").path("start").asText().substring(0, 10));
        JsonNode weakness = flag("motor-weakness").orElseThrow();
        assertEquals("2026-01-11", weakness.path("period").path("start").asText().substring(0, 10));
    }

    @Test
    void theDenervationAfterDay28IsDelayedNeurotoxicity() {
        // "Electromyography (EMG) on Day +52 demonstrated active denervation throughout both lower
        // extremities": a new neurological finding after day 28.
        JsonNode delayed = flag("delayed-neurotoxicity").orElseThrow();
        assertEquals("2026-02-26", delayed.path("period").path("start").asText().substring(0, 10));
        assertTrue(delayed.toString().contains("polyrad-emg-d52"), delayed::toString);
    }

    @Test
    void theDay156FlareIsKeptButLiesOutsideTheMonitoringWindow() {
        // "on Day +156, the patient developed severe acute pain ... stiffness, muscle spasms":
        // CLINICAL-SPEC section 1 ends the episode at day 100 (configurable), so the flare is kept
        // as a fact and shown to operators but grades and flags nothing in this episode.
        String facts = as("toxgrade/operator").when().get("/ops/patients/" + PATIENT + "/facts")
                .then().statusCode(200).extract().asString();
        assertTrue(facts.contains("Observation/polyrad-stiffness-d156"), "the day 156 flare is stored as a fact");
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
