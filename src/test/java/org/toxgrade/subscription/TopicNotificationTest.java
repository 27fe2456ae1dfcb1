package org.toxgrade.subscription;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.toxgrade.support.Api;

/**
 * Topic-based notifications of the Subscriptions R5 Backport IG for R4: a {@code history} Bundle whose first entry
 * is the SubscriptionStatus {@code Parameters}. Handshake and heartbeat are answered; full resources are stored,
 * id-only entries read from the EHR; a jump in {@code events-since-subscription-start} is a gap, counted and caught
 * up.
 */
@QuarkusTest
@TestProfile(SubscriptionProfile.class)
class TopicNotificationTest {

    private static final Map<String, ObjectNode> SEED = Ehr.seed("sub-tp-");

    private static String send(String fixture, Map<String, String> values) {
        Map<String, String> all = new HashMap<>(values);
        all.putIfAbsent("ehrBase", Ehr.fhirBase());
        return Ehr.outcome(Ehr.notifier().contentType("application/fhir+json").body(Ehr.fixture(fixture, all))
                .when().post("/notify/ehr")
                .then().statusCode(200).body("resourceType", equalTo("OperationOutcome")).extract());
    }

    private static long gapsSeen() {
        Number gaps = Api.as("toxgrade/operator").when().get("/ops/subscriptions").then().statusCode(200)
                .extract().path("sources.find { it.name == 'ehr' }.gapsSeen");
        return gaps.longValue();
    }

    @Test
    void handshakeHeartbeatAndEventsInOrderAreNoGap() {
        String subscription = Ehr.fhirBase() + "/Subscription/topic-in-order";
        long gapsBefore = gapsSeen();
        assertTrue(send("backport-handshake.json", Map.of("subscription", subscription)).contains("(handshake)"));
        ObjectNode temperature = SEED.get("sub-tp-temp-d0-evening").deepCopy();
        temperature.putObject("meta").put("versionId", "3");
        String answer = send("backport-event-full-resource.json", Map.of("subscription", subscription, "events", "1",
                "type", "Observation", "id", "sub-tp-temp-d0-evening", "resource", temperature.toString()));
        assertTrue(answer.contains("(event-notification): 1 stored"), answer);
        Ehr.stored("Observation", "sub-tp-temp-d0-evening");

        Ehr.put(SEED.get("sub-tp-ice-d0-evening"));
        answer = send("backport-event-id-only.json", Map.of("subscription", subscription, "events", "2",
                "type", "Observation", "id", "sub-tp-ice-d0-evening"));
        assertTrue(answer.contains("1 stored"), answer);
        Ehr.stored("Observation", "sub-tp-ice-d0-evening");

        answer = send("backport-heartbeat.json", Map.of("subscription", subscription, "events", "2"));
        assertTrue(answer.contains("(heartbeat)") && !answer.contains("missed"), answer);
        assertEquals(gapsBefore, gapsSeen());
    }

    @Test
    void aHeartbeatAheadOfTheEventsSeenIsAGapAndIsCaughtUp() {
        String subscription = Ehr.fhirBase() + "/Subscription/topic-with-gap";
        send("backport-handshake.json", Map.of("subscription", subscription));
        ObjectNode infusion = SEED.get("sub-tp-cart-infusion").deepCopy();
        send("backport-event-full-resource.json", Map.of("subscription", subscription, "events", "1",
                "type", "MedicationAdministration", "id", "sub-tp-cart-infusion", "resource", infusion.toString()));
        Ehr.stored("MedicationAdministration", "sub-tp-cart-infusion");
        long gapsBefore = gapsSeen();

        // Events 2..4 never arrived; what they were about is on the EHR.
        Ehr.put(SEED.get("sub-tp-temp-d1"));
        String answer = send("backport-heartbeat.json", Map.of("subscription", subscription, "events", "4"));
        assertTrue(answer.contains("events were missed"), answer);
        assertEquals(gapsBefore + 1, gapsSeen());
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertEquals(200, Ehr.storedStatus("Observation", "sub-tp-temp-d1")));
    }

    @Test
    void anEventNumberBeyondTheNextIsAGap() {
        String subscription = Ehr.fhirBase() + "/Subscription/topic-skipped-event";
        send("backport-handshake.json", Map.of("subscription", subscription));
        long gapsBefore = gapsSeen();
        Ehr.put(SEED.get("sub-tp-levetiracetam-d0"));
        String answer = send("backport-event-id-only.json", Map.of("subscription", subscription, "events", "3",
                "type", "MedicationAdministration", "id", "sub-tp-levetiracetam-d0"));
        assertTrue(answer.contains("events were missed"), answer);
        assertEquals(gapsBefore + 1, gapsSeen());
        Ehr.stored("MedicationAdministration", "sub-tp-levetiracetam-d0");
    }

    @Test
    void anEmptyEventNotificationCatchesUp() {
        String subscription = Ehr.fhirBase() + "/Subscription/topic-empty-content";
        send("backport-handshake.json", Map.of("subscription", subscription));
        Ehr.put(SEED.get("sub-tp-ice-d0-baseline"));
        String answer = send("backport-event-empty.json", Map.of("subscription", subscription, "events", "1"));
        assertTrue(answer.contains("catch-up requested") && !answer.contains("missed"), answer);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertEquals(200, Ehr.storedStatus("Observation", "sub-tp-ice-d0-baseline")));
    }

    @Test
    void aTopicNotificationWithoutTheSecretIs401() {
        RestAssured.given().contentType("application/fhir+json")
                .body(Ehr.fixture("backport-heartbeat.json", Map.of("subscription", "Subscription/x", "events", "9")))
                .when().post("/notify/ehr").then().statusCode(401)
                .body("issue[0].diagnostics", containsString("TG-SUB-001"));
    }
}
