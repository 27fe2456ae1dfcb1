package org.toxgrade.subscription;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.toxgrade.support.Api;

/**
 * The rest-hook Subscriptions this service keeps on each EHR: created once per criteria with the channel secret,
 * found again after a restart (no duplicate), repaired when the EHR set them to error or off.
 */
@QuarkusTest
@TestProfile(SubscriptionProfile.class)
class SubscriptionRegistrationTest {

    private static final String OPERATOR = "toxgrade/operator";

    @BeforeEach
    void anEhrWithoutSubscriptions() {
        Ehr.reset();
    }

    private static List<Map<String, Object>> check(String source) {
        return Api.as(OPERATOR).when().post("/ops/subscriptions/" + source + "/check").then().statusCode(200)
                .extract().jsonPath().getList("$");
    }

    @Test
    void oneSubscriptionPerCriteriaWithTheChannelSecret() {
        List<Map<String, Object>> checks = check("ehr");
        assertEquals(2, checks.size());
        checks.forEach(c -> assertEquals("created", c.get("action")));
        List<Map<String, Object>> subscriptions = Ehr.resources("Subscription");
        assertEquals(2, subscriptions.size());
        for (Map<String, Object> s : subscriptions) {
            @SuppressWarnings("unchecked")
            Map<String, Object> channel = (Map<String, Object>) s.get("channel");
            assertEquals("rest-hook", channel.get("type"));
            assertEquals(SubscriptionProfile.PUBLIC_BASE + "/notify/ehr", channel.get("endpoint"));
            assertEquals("application/fhir+json", channel.get("payload"));
            assertEquals(List.of("Authorization: Bearer " + SubscriptionProfile.SECRET), channel.get("header"));
            assertEquals("requested", s.get("status"));
            assertTrue(String.valueOf(s.get("meta")).contains(SubscriptionRegistrar.TAG_SYSTEM));
        }
        assertEquals(List.of("MedicationAdministration?", "Observation?"),
                subscriptions.stream().map(s -> (String) s.get("criteria")).sorted().toList());
    }

    @Test
    void aSecondSourceGetsItsOwnHeaderAndNoPayload() {
        List<Map<String, Object>> checks = check("lab");
        assertEquals(1, checks.size());
        Map<String, Object> subscription = Ehr.resources("Subscription").get(0);
        assertEquals("Observation?category=laboratory", subscription.get("criteria"));
        @SuppressWarnings("unchecked")
        Map<String, Object> channel = (Map<String, Object>) subscription.get("channel");
        assertEquals(List.of("X-Channel-Secret: " + SubscriptionProfile.LAB_SECRET), channel.get("header"));
        assertEquals(null, channel.get("payload"));
    }

    @Test
    void aRestartCreatesNoDuplicate() {
        check("ehr");
        // A second replica, or the same service after a restart, against an EHR that holds ours.
        List<Map<String, Object>> again = check("ehr");
        again.forEach(c -> assertEquals("unchanged", c.get("action")));
        check("ehr");
        assertEquals(2, Ehr.resources("Subscription").size());
        assertTrue(Ehr.requests().stream().noneMatch(r -> r.startsWith("POST Subscription")));
    }

    @Test
    void ourSubscriptionUnderAnIdTheEhrAssignedIsFoundByItsTag() {
        // A server that named our Subscription itself (created by POST): found by tag, not created again.
        String endpoint = SubscriptionProfile.PUBLIC_BASE + "/notify/ehr";
        RestAssured.given().baseUri(Ehr.fhirBase()).contentType("application/fhir+json")
                .body("""
                        {"resourceType":"Subscription","meta":{"tag":[{"system":"%s","code":"ehr"}]},"status":"active",
                         "reason":"x","criteria":"Observation?","channel":{"type":"rest-hook","endpoint":"%s",
                         "payload":"application/fhir+json","header":["Authorization: Bearer %s"]}}"""
                        .formatted(SubscriptionRegistrar.TAG_SYSTEM, endpoint, SubscriptionProfile.SECRET))
                .when().post("/Subscription").then().statusCode(201);
        List<Map<String, Object>> checks = check("ehr");
        Map<String, Object> observation = checks.stream().filter(c -> c.get("criteria").equals("Observation?"))
                .findFirst().orElseThrow();
        assertEquals("unchanged", observation.get("action"));
        assertEquals(2, Ehr.resources("Subscription").size());
    }

    @Test
    void aSubscriptionTheEhrSetToErrorIsRepaired() {
        List<Map<String, Object>> created = check("ehr");
        String id = (String) created.stream().filter(c -> c.get("criteria").equals("Observation?")).findFirst()
                .orElseThrow().get("subscriptionId");
        Ehr.control("status", Map.of("type", "Subscription", "id", id, "status", "error"));
        List<Map<String, Object>> checks = check("ehr");
        Map<String, Object> observation = checks.stream().filter(c -> c.get("criteria").equals("Observation?"))
                .findFirst().orElseThrow();
        assertEquals("repaired: status was error", observation.get("action"));
        Map<String, Object> onEhr = Ehr.resources("Subscription").stream().filter(s -> s.get("id").equals(id))
                .findFirst().orElseThrow();
        assertEquals("requested", onEhr.get("status"));
        assertEquals(2, Ehr.resources("Subscription").size());

        Ehr.control("status", Map.of("type", "Subscription", "id", id, "status", "off"));
        check("ehr");
        Api.as(OPERATOR).when().get("/ops/subscriptions").then().statusCode(200)
                .body("sources.find { it.name == 'ehr' }.subscriptions.find { it.criteria == 'Observation?' }.status",
                        equalTo("requested"))
                .body("sources.find { it.name == 'ehr' }.subscriptions.find { it.criteria == 'Observation?' }.detail",
                        equalTo("repaired: status was off"));
    }

    @Test
    void theStatusEndpointNeedsTheOperatorScope() {
        RestAssured.given().when().get("/ops/subscriptions").then().statusCode(401);
        Api.as("system/*.cruds").when().get("/ops/subscriptions").then().statusCode(403)
                .body("issue[0].diagnostics", startsWith("TG-AUTH-403"));
        Api.as(OPERATOR).when().post("/ops/subscriptions/ehr/check").then().statusCode(200);
        Api.as("system/*.cruds").when().post("/ops/subscriptions/ehr/catch-up").then().statusCode(403);
        Api.as(OPERATOR).when().get("/ops/subscriptions").then().statusCode(200)
                .body("enabled", equalTo(true))
                .body("sources.name", equalTo(List.of("ehr", "lab")))
                .body("sources.secretConfigured", everyItem(equalTo(true)))
                .body("sources.find { it.name == 'ehr' }.subscriptions", hasSize(2));
    }
}
