package org.toxgrade.subscription;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.toxgrade.support.Management.management;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.toxgrade.support.Api;

/**
 * R4 rest-hook notifications in the forms real servers send them: the resource PUT to {@code endpoint/[type]/[id]}
 * (HAPI FHIR with payload) or POSTed to the endpoint, an empty POST (HAPI without payload: catch up), a resource
 * named by id only (read it from the EHR); and who may send them.
 */
@QuarkusTest
@TestProfile(SubscriptionProfile.class)
class RestHookNotificationTest {

    private static final Map<String, ObjectNode> SEED = Ehr.seed("sub-rh-");

    private static ObjectNode resource(String id) {
        ObjectNode resource = SEED.get(id).deepCopy();
        resource.putObject("meta").put("versionId", "1").put("lastUpdated", "2026-11-21T08:00:00Z");
        return resource;
    }

    @Test
    void aResourcePutToTypeAndIdIsStored() {
        ObjectNode temperature = resource("sub-rh-temp-d0-evening");
        var answer = Ehr.notifier().contentType("application/fhir+json").body(temperature.toString())
                .when().put("/notify/ehr/Observation/sub-rh-temp-d0-evening")
                .then().statusCode(200).body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].severity", equalTo("information"))
                .body("issue[0].diagnostics", startsWith("TG-SUB-015")).extract();
        assertTrue(Ehr.outcome(answer).startsWith("TG-SUB-000"));
        Ehr.stored("Observation", "sub-rh-temp-d0-evening");
        management().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("toxgrade_subscription_notifications_total{kind=\"resource\",source=\"ehr\"}"));
    }

    @Test
    void aResourcePostedToTheEndpointIsStored() {
        ObjectNode infusion = resource("sub-rh-cart-infusion");
        Ehr.notifier().contentType("application/fhir+json").body(infusion.toString())
                .when().post("/notify/ehr").then().statusCode(200);
        Ehr.stored("MedicationAdministration", "sub-rh-cart-infusion");
    }

    @Test
    void aRedeliveryOfTheSameVersionStoresNothingNew() {
        ObjectNode ice = resource("sub-rh-ice-d0-evening");
        for (int i = 0; i < 3; i++) {
            Ehr.notifier().contentType("application/fhir+json").body(ice.toString())
                    .when().put("/notify/ehr/Observation/sub-rh-ice-d0-evening").then().statusCode(200);
        }
        assertEquals("1", Ehr.stored("Observation", "sub-rh-ice-d0-evening").getString("meta.versionId"));
    }

    @Test
    void anEmptyPostCatchesUpFromTheEhr() {
        Ehr.put(SEED.get("sub-rh-temp-d1"));
        var answer = Ehr.notifier().contentType("application/fhir+json").body("")
                .when().post("/notify/ehr").then().extract();
        assertThat(Ehr.outcome(answer), containsString("catch-up requested"));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertEquals(200, Ehr.storedStatus("Observation", "sub-rh-temp-d1")));
    }

    @Test
    void hapisEmptyFormPostWithoutPayloadCatchesUp() {
        // HAPI FHIR without channel.payload POSTs a parameter request with no parameters.
        Ehr.put(SEED.get("sub-rh-temp-d0-evening").deepCopy().put("id", "sub-rh-temp-form"));
        var answer = Ehr.notifier().contentType("application/x-www-form-urlencoded; charset=UTF-8").body("")
                .when().post("/notify/ehr").then().extract();
        assertThat(Ehr.outcome(answer), containsString("(empty)"));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertEquals(200, Ehr.storedStatus("Observation", "sub-rh-temp-form")));
    }

    @Test
    void aDeletionIsAcknowledgedAndNothingIsRemoved() {
        ObjectNode temperature = resource("sub-rh-temp-d0-evening").put("id", "sub-rh-temp-deleted");
        Ehr.notifier().contentType("application/fhir+json").body(temperature.toString())
                .when().put("/notify/ehr/Observation/sub-rh-temp-deleted").then().statusCode(200);
        assertThat(Ehr.outcome(Ehr.notifier().when().delete("/notify/ehr/Observation/sub-rh-temp-deleted").then()
                .extract()), containsString("(delete)"));
        RestAssured.given().when().delete("/notify/ehr/Observation/sub-rh-temp-deleted")
                .then().statusCode(401);
        Ehr.stored("Observation", "sub-rh-temp-deleted");
    }

    @Test
    void aResourceNamedByIdOnlyIsReadFromTheEhr() {
        Ehr.put(SEED.get("sub-rh-levetiracetam-d0"));
        var answer = Ehr.notifier().contentType("application/fhir+json")
                .body("{\"resourceType\":\"MedicationAdministration\",\"id\":\"sub-rh-levetiracetam-d0\"}")
                .when().post("/notify/ehr").then().extract();
        assertThat(Ehr.outcome(answer), containsString("(id-only): 1 stored"));
        Ehr.stored("MedicationAdministration", "sub-rh-levetiracetam-d0");
        // The EHR's version travelled with it: its own meta.versionId is the sender version.
        assertEquals(200, Ehr.storedStatus("MedicationAdministration", "sub-rh-levetiracetam-d0"));
    }

    @Test
    void aWrongSecretIs401AndNothingIsStored() {
        ObjectNode baseline = resource("sub-rh-ice-d0-baseline");
        RestAssured.given().header("Authorization", "Bearer not-the-secret")
                .contentType("application/fhir+json").body(baseline.toString())
                .when().put("/notify/ehr/Observation/sub-rh-ice-d0-baseline")
                .then().statusCode(401).body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].diagnostics", startsWith("TG-SUB-001"));
        RestAssured.given().contentType("application/fhir+json").body(baseline.toString())
                .when().post("/notify/ehr").then().statusCode(401);
        // The secret of another source does not open this one.
        RestAssured.given().header("X-Channel-Secret", SubscriptionProfile.LAB_SECRET)
                .contentType("application/fhir+json").body(baseline.toString())
                .when().post("/notify/ehr").then().statusCode(401);
        assertEquals(404, Ehr.storedStatus("Observation", "sub-rh-ice-d0-baseline"));
    }

    @Test
    void aDedicatedSecretHeaderOpensItsOwnSource() {
        RestAssured.given().header("X-Channel-Secret", SubscriptionProfile.LAB_SECRET)
                .contentType("application/fhir+json").body("").when().post("/notify/lab").then().statusCode(200);
        Ehr.notifier().contentType("application/fhir+json").body("").when().post("/notify/lab").then().statusCode(401);
    }

    @Test
    void aBearerTokenOfTheServiceWithWriteScopesIsAccepted() {
        ObjectNode acetaminophen = resource("sub-rh-acetaminophen-d0");
        Api.as("toxgrade/grade").contentType("application/fhir+json").body(acetaminophen.toString())
                .when().put("/notify/ehr/MedicationAdministration/sub-rh-acetaminophen-d0").then().statusCode(401);
        assertEquals(404, Ehr.storedStatus("MedicationAdministration", "sub-rh-acetaminophen-d0"));
        Api.as("system/Observation.cu system/MedicationAdministration.cu").contentType("application/fhir+json")
                .body(acetaminophen.toString())
                .when().put("/notify/ehr/MedicationAdministration/sub-rh-acetaminophen-d0").then().statusCode(200);
        Ehr.stored("MedicationAdministration", "sub-rh-acetaminophen-d0");
    }

    @Test
    void anUnknownSourceIs404OnlyToAnAuthenticatedCaller() {
        Ehr.notifier().contentType("application/fhir+json").body("").when().post("/notify/elsewhere")
                .then().statusCode(401).body("issue[0].diagnostics", startsWith("TG-SUB-001"));
        Api.asEhr().contentType("application/fhir+json").body("").when().post("/notify/elsewhere")
                .then().statusCode(404).body("issue[0].diagnostics", startsWith("TG-SUB-002"));
    }

    @Test
    void aBodyThatIsNotFhirJsonIsAcknowledgedAndRecordedAsRefused() {
        // Answered 200: an error answer would only make the EHR send it again for a minute, holding up the rest.
        JsonPath entry = Ehr.processed(Ehr.notifier().contentType("application/fhir+json").body("{not json")
                .when().post("/notify/ehr").then().extract());
        assertEquals("refused", entry.getString("state"));
        assertEquals("TG-SUB-003", entry.getString("outcomeCode"));
        assertEquals("{not json", entry.getString("body"), "kept as received, for operators");
        Api.as("toxgrade/operator").queryParam("source", "ehr").when().get("/ops/subscriptions/refusals").then()
                .statusCode(200).body("refusals.id", hasItem(entry.getInt("id")));
        management().when().get("/q/metrics").then().statusCode(200).body(containsString(
                "toxgrade_subscription_refused_total{code=\"TG-SUB-003\",source=\"ehr\",state=\"refused\"}"));
    }
}
