package org.toxgrade.realehr;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.toxgrade.support.Api;
import org.toxgrade.support.SeedCases;

/**
 * The service with a stock HAPI FHIR JPA server as its EHR ({@link HapiTestEhr}): the EHR's own applications record
 * the PRES case, HAPI's rest-hooks bring it to the service, the grades go back to HAPI, and HAPI validates what the
 * service wrote against the installed profile package with no error. A clinician's refutation a second after the
 * write is kept although HAPI serves identical searches from its 60-second cache.
 */
@QuarkusTest
@TestProfile(RealEhrProfile.class)
class RealEhrWriteBackTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DERIVED = "http://toxgrade.org/fhir/sid/derived-result|";
    private static final Duration WRITE_BACK = Duration.ofMinutes(4);

    /** The PRES case with its day 0 25 days ago: in monitoring today. */
    private static List<String> presCase(String prefix) {
        long shift = SeedCases.shiftPutting(LocalDate.of(2026, 3, 2), 0, LocalDate.now().minusDays(25));
        return SeedCases.shifted(SeedCases.renamed(SeedCases.days("pres"), "pres-", prefix), shift);
    }

    private static void awaitSubscriptionsActive() {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> assertEquals(2,
                RealEhr.search("Subscription", Map.of("status", "active")).size(),
                () -> RealEhr.search("Subscription", Map.of()).toString()));
    }

    private static List<Map<String, Object>> written(String type, String patient) {
        return RealEhr.search(type, Map.of("patient", "Patient/" + patient, "identifier", DERIVED));
    }

    @Test
    void aCaseTheEhrRecordsIsGradedWrittenBackAndValidatedByTheEhrWithNoError() {
        awaitSubscriptionsActive();
        presCase("rehr-").forEach(RealEhr::transaction);

        // The report's course: CRS grade 3 at its worst, ICANS grade 3, PRES suspected from day 15.
        await().atMost(WRITE_BACK).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            List<Map<String, Object>> conditions = written("Condition", "rehr-case");
            assertEquals(2, conditions.size(), conditions::toString);
            for (Map<String, Object> condition : conditions) {
                assertEquals("grade-3", JsonPath.from(RealEhr.readRaw("Condition", (String) condition.get("id")))
                        .getString("stage[0].summary.coding[0].code"), condition::toString);
            }
            assertTrue(written("Flag", "rehr-case").stream()
                    .anyMatch(f -> f.toString().contains("pres-suspected")), "PRES flag written");
        });

        List<String> errors = new ArrayList<>();
        int validated = 0;
        for (String type : List.of("Condition", "Flag")) {
            for (Map<String, Object> resource : written(type, "rehr-case")) {
                String id = (String) resource.get("id");
                String raw = RealEhr.readRaw(type, id);
                RealEhr.validationErrors(type, raw).forEach(e -> errors.add(type + "/" + id + ": " + e));
                validated++;
                for (Map<String, Object> provenance : RealEhr.search("Provenance", Map.of("target", type + "/"
                        + id))) {
                    String provenanceId = (String) provenance.get("id");
                    RealEhr.validationErrors("Provenance", RealEhr.readRaw("Provenance", provenanceId))
                            .forEach(e -> errors.add("Provenance/" + provenanceId + ": " + e));
                    validated++;
                }
            }
        }
        System.out.printf("Validated on the HAPI FHIR server: %d resources the service wrote, %d errors%n",
                validated, errors.size());
        assertTrue(validated >= 6, "conditions, flags and their provenance: " + validated);
        assertTrue(errors.isEmpty(), String.join("\n", errors));
    }

    @Test
    void aRefutationOneSecondAfterTheWriteIsKeptThoughTheEhrCachesSearches() throws Exception {
        List<String> days = presCase("rref-");
        // The EHR holds the patient (HAPI finds a Condition by patient only when the Patient is there).
        for (var entry : JSON.readTree(days.get(0)).path("entry")) {
            if (entry.path("resource").path("resourceType").asText().equals("Patient")) {
                RealEhr.put("Patient", entry.path("resource").path("id").asText(), entry.path("resource").toString());
            }
        }
        SeedCases.post(days.subList(0, 2));
        await().atMost(WRITE_BACK).pollInterval(Duration.ofMillis(250))
                .until(() -> !conditionsOf("rref-case", "crs").isEmpty());
        Map<String, Object> written = conditionsOf("rref-case", "crs").get(0);
        String id = (String) written.get("id");
        String before = RealEhr.readRaw("Condition", id);
        String grade = JsonPath.from(before).getString("stage[0].summary.coding[0].code");

        Thread.sleep(1000);
        String version = JsonPath.from(before).getString("meta.versionId");
        ObjectNode edited = (ObjectNode) JSON.readTree(before);
        ObjectNode status = (ObjectNode) edited.path("verificationStatus").path("coding").path(0);
        assertEquals("provisional", status.path("code").asText());
        status.put("code", "refuted").put("display", "Refuted");
        String refuted = JSON.writeValueAsString(edited);
        RealEhr.request().contentType("application/fhir+json").header("If-Match", "W/\"" + version + "\"")
                .body(refuted).when().put("/Condition/" + id).then().statusCode(200);

        // Day 5: CRS grade 3. The service would raise the grade; the clinician's refutation stands.
        SeedCases.post(days.subList(2, 3));
        String identifier = JsonPath.from(before).getString("identifier[0].value");
        await().atMost(WRITE_BACK).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> assertTrue(
                Api.as("toxgrade/operator").queryParam("state", "superseded-by-clinician").when()
                        .get("/ops/outbox/rows").then().statusCode(200).extract().jsonPath()
                        .getList("rows.identifier").contains(identifier),
                identifier));
        JsonPath after = RealEhr.read("Condition", id);
        assertEquals("refuted", after.getString("verificationStatus.coding[0].code"));
        assertEquals(grade, after.getString("stage[0].summary.coding[0].code"));
        assertEquals(String.valueOf(Integer.parseInt(version) + 1), after.getString("meta.versionId"),
                "nothing written over the clinician's version");
    }

    private static List<Map<String, Object>> conditionsOf(String patient, String syndrome) {
        return written("Condition", patient).stream()
                .filter(c -> c.toString().contains("toxgrade-" + syndrome + "-condition")).toList();
    }
}
