package org.toxgrade.realehr;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.toxgrade.support.Api;

/**
 * HAPI FHIR's rest-hooks into the service. HAPI re-sends a delivery that is not answered 2xx some 15-21 times over a
 * minute on its few delivery threads; a notification whose content the service cannot take must therefore be
 * acknowledged and recorded for operators, so that the next one is not held up behind it.
 */
@QuarkusTest
@TestProfile(RealEhrProfile.class)
class RealEhrNotificationTest {

    /** A body temperature as an EHR records it; {@code ucum} false leaves out the unit's code (valid R4 still). */
    private static String temperature(String id, double celsius, boolean ucum) {
        String quantity = ucum
                ? "{\"value\":%s,\"unit\":\"Cel\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"Cel\"}"
                        .formatted(celsius)
                : "{\"value\":%s,\"unit\":\"degrees C\"}".formatted(celsius);
        return """
                {"resourceType":"Observation","id":"%s","status":"final",
                 "category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/observation-category",
                                         "code":"vital-signs"}]}],
                 "code":{"coding":[{"system":"http://loinc.org","code":"8310-5","display":"Body temperature"}]},
                 "subject":{"reference":"Patient/rnot-case"},
                 "effectiveDateTime":"%s","valueQuantity":%s}""".formatted(id,
                Instant.now().truncatedTo(ChronoUnit.SECONDS), quantity);
    }

    private static List<Map<String, Object>> refusalsOf(String resourceId) {
        return Api.as("toxgrade/operator").queryParam("source", "ehr").when().get("/ops/subscriptions/refusals")
                .then().statusCode(200).extract().jsonPath()
                .getList("refusals.findAll { it.resourceId == '" + resourceId + "' }");
    }

    private static int storedStatus(String id) {
        return Api.asEhr().when().get("/fhir/Observation/" + id).then().extract().statusCode();
    }

    /**
     * The check interval is an hour here: only the re-checks after creating the Subscriptions can show that HAPI
     * activated them (it did so within seconds, while the status said "requested" for 10 minutes before).
     */
    @Test
    void theOperatorStatusSaysActiveSoonAfterTheEhrActivatesTheSubscriptions() {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            List<String> statuses = Api.as("toxgrade/operator").when().get("/ops/subscriptions").then()
                    .statusCode(200).extract().jsonPath()
                    .getList("sources.find { it.name == 'ehr' }.subscriptions.status");
            assertEquals(List.of("active", "active"), statuses);
        });
    }

    @Test
    void aRefusedRecordIsAcknowledgedRecordedAndDoesNotHoldUpTheNext() {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> assertEquals(2,
                RealEhr.search("Subscription", Map.of("status", "active")).size()));
        RealEhr.put("Patient", "rnot-case", """
                {"resourceType":"Patient","id":"rnot-case","birthDate":"1970-04-02","gender":"female"}""");

        RealEhr.put("Observation", "rnot-temp-no-ucum", temperature("rnot-temp-no-ucum", 39.4, false));
        Instant sent = Instant.now();
        RealEhr.put("Observation", "rnot-temp-ok", temperature("rnot-temp-ok", 38.6, true));

        // HAPI's own delivery takes a few seconds; a minute of re-sends of the refused one would exceed this.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> storedStatus("rnot-temp-ok") == 200);
        System.out.printf("The valid record after a refused one: stored %d ms after the EHR took it%n",
                Duration.between(sent, Instant.now()).toMillis());
        assertEquals(404, storedStatus("rnot-temp-no-ucum"));

        // HAPI delivers on several threads: the refused one may be received after the valid one.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> !refusalsOf("rnot-temp-no-ucum").isEmpty());
        List<Map<String, Object>> refusals = refusalsOf("rnot-temp-no-ucum");
        assertEquals(1, refusals.size(), "received once (answered 200, so HAPI did not send it again): " + refusals);
        Map<String, Object> refusal = refusals.get(0);
        assertEquals("refused", refusal.get("state"));
        assertTrue(String.valueOf(refusal.get("outcome")).contains("UCUM")
                || String.valueOf(refusal.get("outcome")).contains("unit"), refusal.toString());
        assertTrue(String.valueOf(refusal.get("body")).contains("degrees C"), "what was received is kept");
    }
}
