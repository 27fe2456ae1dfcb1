package org.toxgrade.subscription;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.toxgrade.support.Api;

/**
 * Catch-up reads each EHR by {@code _lastUpdated} since the watermark, page after page through {@code next}
 * links, feeds what it finds through ingest, and moves the watermark; what the overlap reads again stores nothing.
 */
@QuarkusTest
@TestProfile(SubscriptionProfile.class)
class CatchUpTest {

    private static final Map<String, ObjectNode> SEED = Ehr.seed("sub-cu-");

    /** Runs a catch-up of the source, retrying while another run holds it. */
    private static JsonPath catchUp(String source) {
        JsonPath[] result = new JsonPath[1];
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            result[0] = Api.as("toxgrade/operator").when().post("/ops/subscriptions/" + source + "/catch-up")
                    .then().statusCode(200).extract().jsonPath();
            return "ok".equals(result[0].getString("outcome"));
        });
        return result[0];
    }

    @Test
    void everyPageIsReadAndTheWatermarkMoves() {
        List<String> ids = List.of("sub-cu-cart-infusion", "sub-cu-temp-d0-evening", "sub-cu-ice-d0-evening",
                "sub-cu-temp-d1", "sub-cu-levetiracetam-d0");
        ids.forEach(id -> Ehr.put(SEED.get(id)));
        // (The start-up run may be reading the EHR at the same moment: either run may be the one that finds them.)
        catchUp("ehr");
        for (String id : ids) {
            String type = SEED.get(id).path("resourceType").asText();
            assertEquals(200, Ehr.storedStatus(type, id), id);
            assertEquals("1", Ehr.stored(type, id).getString("meta.versionId"));
        }
        // Pages of two: the search was followed through its next links.
        assertTrue(Ehr.requests().stream().anyMatch(r -> r.contains("_offset=")), "no next link followed");

        Instant watermark = Instant.parse(Api.as("toxgrade/operator").when().get("/ops/subscriptions").then()
                .statusCode(200).extract().path("sources.find { it.name == 'ehr' }.watermark"));
        assertNotNull(watermark);

        // The EHR changes one resource: the next run takes the new version; the rest is not stored again.
        ObjectNode amended = SEED.get("sub-cu-temp-d1").deepCopy();
        amended.put("status", "amended");
        Ehr.put(amended);
        catchUp("ehr");
        assertEquals("2", Ehr.stored("Observation", "sub-cu-temp-d1").getString("meta.versionId"));
        assertEquals("amended", Ehr.stored("Observation", "sub-cu-temp-d1").getString("status"));
        assertEquals("1", Ehr.stored("Observation", "sub-cu-ice-d0-evening").getString("meta.versionId"));
        Instant later = Instant.parse(Api.as("toxgrade/operator").when().get("/ops/subscriptions").then()
                .statusCode(200).extract().path("sources.find { it.name == 'ehr' }.watermark"));
        assertTrue(!later.isBefore(watermark));
    }

    @Test
    void aSecondSourceIsReadWithItsOwnCriteria() {
        JsonPath result = catchUp("lab");
        assertEquals("lab", result.getString("source"));
        assertTrue(Ehr.requests().stream()
                .anyMatch(r -> r.startsWith("GET /Observation?category=laboratory&_lastUpdated=ge")));
    }

    @Test
    void anEhrThatFailsKeepsTheWatermark() {
        catchUp("ehr");
        Instant before = watermarkOf("ehr");
        Ehr.control("fail", Map.of("count", 50, "status", 500));
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> Api.as("toxgrade/operator").when()
                    .post("/ops/subscriptions/ehr/catch-up").then().statusCode(200).extract().jsonPath()
                    .getString("outcome").startsWith("failed: TG-SUB-022"));
            assertEquals(before, watermarkOf("ehr"));
            String outcome = Api.as("toxgrade/operator").when().get("/ops/subscriptions").then().statusCode(200)
                    .extract().path("sources.find { it.name == 'ehr' }.lastCatchUpOutcome");
            assertTrue(outcome.startsWith("failed"), outcome);
        } finally {
            Ehr.control("fail", Map.of("count", 0));
        }
    }

    private static Instant watermarkOf(String source) {
        String text = Api.as("toxgrade/operator").when().get("/ops/subscriptions").then().statusCode(200)
                .extract().path("sources.find { it.name == '" + source + "' }.watermark");
        return text == null ? null : Instant.parse(text);
    }
}
