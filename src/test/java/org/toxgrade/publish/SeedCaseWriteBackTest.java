package org.toxgrade.publish;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.toxgrade.support.Api.as;
import static org.toxgrade.support.Api.asEhr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.toxgrade.support.Results;
import org.toxgrade.support.SeedCases;

/**
 * The whole path: the PRES case sent day by day is graded, and every Condition and Flag reaches
 * the (simulated) EHR exactly once, each with its Provenance. A clinician then refutes the CRS
 * Condition in the EHR; a later correction of the data changes the service's view, which is kept
 * in the service and never written over the clinician's decision.
 */
@QuarkusTest
@TestProfile(SimulatedEhrProfile.class)
class SeedCaseWriteBackTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void theSeedCaseReachesTheEhrAndAClinicianRefutationIsKept() {
        Sim.reset();
        List<String> days = SeedCases.renamed(SeedCases.days("pres"), "pres-", "wbseed-");
        SeedCases.post(days);
        Map<String, JsonNode> results = Results.stored("wbseed-case");
        assertTrue(results.size() >= 10, results.keySet()::toString);

        await().atMost(WAIT).untilAsserted(() -> results.forEach((key, resource) -> {
            String type = key.split("/")[0];
            String id = key.split("/")[1];
            assertEquals(1, Sim.byIdentifier(type, id).size(), key + " on the EHR");
        }));
        // Then until nothing is left to deliver (later versions may still be on their way).
        await().atMost(WAIT).until(() -> {
            JsonPath status = WriteBackTest.status();
            return status.getLong("counts.pending") == 0 && status.getLong("counts.sending") == 0;
        });
        String crsId = results.keySet().stream().filter(k -> k.endsWith("-crs")).findFirst().orElseThrow()
                .split("/")[1];
        JsonPath crs = Sim.only("Condition", crsId);
        assertEquals("grade-3", crs.getString("stage[0].summary.coding[0].code"));
        assertEquals("provisional", crs.getString("verificationStatus.coding[0].code"));
        // Every delivery of the Condition (it changed as the days arrived) carried its own derivation
        // Provenance, and nothing was delivered twice.
        int deliveries = as(Changes.OPERATOR).queryParam("state", "sent").queryParam("_count", 1000)
                .when().get("/ops/outbox/rows").then().statusCode(200).extract().jsonPath()
                .getList("rows.findAll { it.identifier == '" + crsId + "' }").size();
        assertTrue(deliveries >= 1);
        assertEquals(deliveries, Sim.provenancesFor("Condition", crs.getString("id")));

        // The author every result names exists on the EHR (servers refuse dangling references).
        given().baseUri(Sim.fhirBase()).when().get("/Device/toxgrade").then().statusCode(200);

        // A clinician refutes the CRS Condition in the EHR.
        JsonNode current = Results.read(given().baseUri(Sim.fhirBase()).when()
                .get("/Condition/" + crs.getString("id")).then().statusCode(200).extract().asString());
        ObjectNode refuted = current.deepCopy();
        ((ObjectNode) refuted.path("verificationStatus").path("coding").get(0)).put("code", "refuted");
        given().baseUri(Sim.fhirBase()).contentType("application/fhir+json")
                .header("If-Match", "W/\"" + crs.getString("meta.versionId") + "\"").body(refuted.toString())
                .when().put("/Condition/" + crs.getString("id")).then().statusCode(200);
        String refutedVersion = Sim.only("Condition", crsId).getString("meta.versionId");

        // Later the day-0 temperature is withdrawn as entered in error: the service's CRS onset moves.
        asEhr().contentType("application/fhir+json").body(withdrawnTemperature()).when()
                .put("/fhir/Observation/wbseed-temp-d0-evening").then().statusCode(200);
        String ownView = as(Results.READER).when().get("/fhir/Condition/" + crsId).then().statusCode(200)
                .extract().jsonPath().getString("onsetDateTime");
        assertEquals("2026-03-07T10:00:00+00:00", ownView, "without the day-0 fever, CRS starts on day 5");

        await().atMost(WAIT).untilAsserted(() -> as(Changes.OPERATOR).queryParam("state", "superseded-by-clinician")
                .when().get("/ops/outbox/rows").then().statusCode(200)
                .body("rows.findAll { it.identifier == '" + crsId + "' }.state",
                        Matchers.hasItem("superseded-by-clinician")));
        JsonPath after = Sim.only("Condition", crsId);
        assertEquals("refuted", after.getString("verificationStatus.coding[0].code"));
        assertEquals(refutedVersion, after.getString("meta.versionId"),
                "nothing written over the clinician's decision");
        assertEquals("2026-03-02T20:00:00Z", after.getString("onsetDateTime").replace("+00:00", "Z"));
    }

    private static String withdrawnTemperature() {
        return """
                {"resourceType": "Observation", "id": "wbseed-temp-d0-evening", "status": "entered-in-error",
                 "code": {"coding": [{"system": "http://loinc.org", "code": "8310-5"}]},
                 "subject": {"reference": "Patient/wbseed-case"}, "effectiveDateTime": "2026-03-02T20:00:00Z",
                 "valueQuantity": {"value": 102, "unit": "degF", "system": "http://unitsofmeasure.org", "code": "[degF]"}}
                """;
    }
}
