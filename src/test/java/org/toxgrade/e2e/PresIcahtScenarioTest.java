package org.toxgrade.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.toxgrade.support.Api.as;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.ValidationResult;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.toxgrade.fhir.validation.ProfileValidatorFactory;
import org.toxgrade.support.Results;
import org.toxgrade.support.SeedCases;

/**
 * The PRES seed patient with the assumed ANC course of {@code seeds/pres-icaht} (CLINICAL-SPEC section 9): the early
 * and late ICAHT Conditions come out of the same pipeline as CRS and ICANS, agree between {@code $grade} and the
 * stored path, conform to the profile, are found by the read API's code search, and the timeline draws the day
 * grades. The patient is a renamed copy ({@code icaht-...}) so that other tests of the PRES case see their own data.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PresIcahtScenarioTest {

    private static final String PATIENT = "icaht-case";
    private static final String CONDITION_CODES = "http://toxgrade.org/fhir/CodeSystem/toxgrade-condition";

    @Inject
    FhirContext context;

    private List<String> days;
    private String graded;

    /** Sent once, from the first test that runs (the test HTTP port is only known once a test method runs). */
    @BeforeEach
    void sendTheCaseOnce() {
        if (days != null) {
            return;
        }
        List<String> all = new ArrayList<>(SeedCases.days("pres"));
        all.addAll(SeedCases.days("pres-icaht"));
        days = SeedCases.renamed(all, "pres-", "icaht-");
        graded = as("toxgrade/grade").urlEncodingEnabled(false).contentType("application/fhir+json")
                .body(SeedCases.asCollection(days)).when().post("/fhir/$grade").then().statusCode(200).extract()
                .asString();
        SeedCases.post(days);
    }

    private static JsonNode byCode(Map<String, JsonNode> results, String code) {
        List<JsonNode> found = results.values().stream()
                .filter(r -> r.path("code").path("coding").path(0).path("code").asText().equals(code)).toList();
        assertEquals(1, found.size(), code + " in " + results.keySet());
        return found.get(0);
    }

    @Test
    void earlyIcahtIsGradeThreeFromSevenDaysBelowPointOneAndRecovered() {
        JsonNode early = byCode(Results.graded(graded), "icaht-early");
        assertEquals("grade-3", early.at("/stage/0/summary/coding/0/code").asText());
        assertEquals("eha-ebmt-2023-early", early.at("/stage/0/type/coding/0/code").asText());
        assertEquals("provisional", early.at("/verificationStatus/coding/0/code").asText());
        assertEquals("resolved", early.at("/clinicalStatus/coding/0/code").asText());
        // Onset at the first count at or below 0.5 (day 3), abatement at the first of the 3 days above (day 14).
        assertEquals(Instant.parse("2026-03-05T06:00:00Z"), OffsetDateTime.parse(early.path("onsetDateTime").asText())
                .toInstant());
        assertEquals(Instant.parse("2026-03-16T06:00:00Z"),
                OffsetDateTime.parse(early.path("abatementDateTime").asText()).toInstant());
        List<String> evidence = new ArrayList<>();
        early.at("/evidence").forEach(e -> e.path("detail").forEach(d -> evidence.add(d.path("reference").asText())));
        assertTrue(evidence.contains("Observation/icaht-anc-d06"), evidence.toString());
        assertTrue(evidence.contains("MedicationAdministration/icaht-filgrastim-d10"),
                "G-CSF is in the evidence: " + evidence);
        String note = early.at("/note/0/text").asText();
        assertTrue(note.contains("neutropenic period days 3-13") && note.contains("G-CSF given (4 doses)"), note);
    }

    @Test
    void lateIcahtIsGradeOneConfirmedByTheSecondCountReportedPerMicrolitre() {
        JsonNode late = byCode(Results.graded(graded), "icaht-late");
        assertEquals("grade-1", late.at("/stage/0/summary/coding/0/code").asText());
        assertEquals("active", late.at("/clinicalStatus/coding/0/code").asText());
        assertTrue(late.at("/note/0/text").asText().contains("lowest ANC 1.2 x 10*9/L"), late.toString());
    }

    @Test
    void theStoredPathAndGradeAgreeOnTheIcahtConditions() {
        Map<String, JsonNode> stored = Results.stored("Patient/" + PATIENT);
        JsonNode early = byCode(stored, "icaht-early");
        String id = early.path("id").asText();
        String episodeKey = id.substring(0, id.length() - "-icaht-early".length());
        Map<String, String> storedContent = Results.clinicalContent(stored, episodeKey);
        Map<String, String> gradedContent = Results.clinicalContent(Results.graded(graded), episodeKey);
        for (String key : List.of("Condition/EPISODE-icaht-early", "Condition/EPISODE-icaht-late")) {
            assertEquals(gradedContent.get(key), storedContent.get(key), key);
        }
    }

    @Test
    void theReadApiFindsTheIcahtConditionsByCode() {
        String body = as(Results.READER).queryParam("patient", "Patient/" + PATIENT)
                .queryParam("code", CONDITION_CODES + "|icaht-early,icaht-late").when().get("/fhir/Condition")
                .then().statusCode(200).extract().asString();
        List<String> codes = new ArrayList<>();
        Results.read(body).path("entry")
                .forEach(e -> codes.add(e.at("/resource/code/coding/0/code").asText()));
        assertEquals(List.of("icaht-early", "icaht-late"), codes.stream().sorted().toList());
    }

    @Test
    void everyEmittedResourceConformsToTheProfiles() {
        Bundle bundle = context.newJsonParser().parseResource(Bundle.class, graded);
        ValidationResult result = ProfileValidatorFactory.create(context).validateWithResult(bundle);
        List<String> errors = result.getMessages().stream()
                .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                .map(m -> m.getLocationString() + " " + m.getMessage()).toList();
        assertEquals(List.of(), errors);
    }

    @Test
    void theTimelineDrawsTheIcahtDayGrades() {
        JsonPath timeline = as(Results.READER).when().get("/api/patients/" + PATIENT + "/timeline").then()
                .statusCode(200).extract().jsonPath();
        String day = "episodes[0].days.find { it.day == %d }.grades.icaht.";
        assertEquals(0, (int) timeline.getInt(String.format(day, 2) + "grade"));
        assertEquals(1, (int) timeline.getInt(String.format(day, 5) + "grade"));
        assertEquals(3, (int) timeline.getInt(String.format(day, 12) + "grade"));
        assertTrue(timeline.getString(String.format(day, 12) + "explanation").startsWith("Early ICAHT grade 3"),
                timeline.getString(String.format(day, 12) + "explanation"));
        assertTrue(timeline.getList(String.format(day, 12) + "factIds")
                .contains("MedicationAdministration/icaht-filgrastim-d12"));
        assertEquals(1, (int) timeline.getInt(String.format(day, 45) + "grade"));
        assertNull(timeline.get(String.format(day, 40) + "grade"));
        assertEquals("no neutrophil count", timeline.getString(String.format(day, 40) + "notAssessed"));
    }
}
