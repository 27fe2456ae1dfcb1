package org.toxgrade.subscription;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.toxgrade.support.Api;

/**
 * The channel secret travels in {@code channel.header}, readable by whoever may read Subscriptions on the EHR: it is
 * rotated, the Subscriptions rewritten, and the old secret accepted only for an overlap after that, so nothing the
 * EHR had already queued is refused (#19 defect 7).
 */
@QuarkusTest
@TestProfile(SecretRotationProfile.class)
class SecretRotationTest {

    private static final String OPERATOR = "toxgrade/operator";

    @Inject
    SecretRotation rotation;

    @BeforeEach
    void subscriptionsOnTheEhr() {
        Ehr.reset();
        Api.as(OPERATOR).when().post("/ops/subscriptions/ehr/check").then().statusCode(200);
    }

    private static List<String> headersOnTheEhr() {
        return Ehr.resources("Subscription").stream()
                .map(s -> String.valueOf(((Map<?, ?>) s.get("channel")).get("header"))).distinct().toList();
    }

    private static int notifyWith(String secret) {
        return io.restassured.RestAssured.given().header("Authorization", "Bearer " + secret)
                .contentType("application/fhir+json").body("").when().post("/notify/ehr").then().extract()
                .statusCode();
    }

    private static String secretIn(String header) {
        return header.replace("[Authorization: Bearer ", "").replace("]", "");
    }

    @Test
    void aRotatedSecretIsWrittenToTheSubscriptionsAndTheOldOneIsAcceptedOnlyDuringTheOverlap() {
        List<String> before = headersOnTheEhr();
        assertEquals(1, before.size(), before.toString());
        String old = secretIn(before.get(0));

        JsonPath rotated = Api.as(OPERATOR).when().post("/ops/subscriptions/ehr/rotate-secret").then()
                .statusCode(200).extract().jsonPath();
        assertTrue(rotated.getBoolean("subscriptionsRewritten"), rotated.prettify());
        List<String> after = headersOnTheEhr();
        assertEquals(1, after.size(), "both Subscriptions carry the new secret: " + after);
        String current = secretIn(after.get(0));
        assertNotEquals(old, current);
        assertTrue(current.length() >= 40, "a derived secret of 256 bits: " + current);

        assertEquals(200, notifyWith(current));
        assertEquals(200, notifyWith(old), "deliveries the EHR queued before the rewrite still arrive");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> notifyWith(old) == 401);
        assertEquals(200, notifyWith(current));
        assertEquals(401, notifyWith("not-the-secret"));
    }

    @Test
    void whileTheEhrCannotBeRewrittenTheOldSecretStaysAcceptedUntilTheSubscriptionsAreRewritten() throws Throwable {
        String old = secretIn(headersOnTheEhr().get(0));
        Ehr.control("fail", Map.of("count", 20, "status", 503));
        JsonPath rotated = Api.as(OPERATOR).when().post("/ops/subscriptions/ehr/rotate-secret").then()
                .statusCode(200).extract().jsonPath();
        assertFalse(rotated.getBoolean("subscriptionsRewritten"), rotated.prettify());
        assertNull(rotated.get("previousAcceptedUntil"));
        Ehr.control("fail", Map.of("count", 0));

        JsonPath secret = Api.as(OPERATOR).when().get("/ops/subscriptions").then().statusCode(200).extract()
                .jsonPath().setRootPath("sources.find { it.name == 'ehr' }.channelSecret");
        assertEquals(rotated.getInt("generation"), secret.getInt("generation"));
        assertEquals(rotated.getInt("generation") - 1, secret.getInt("previousGeneration"));
        assertNull(secret.get("previousUntil"), "accepted until the Subscriptions are rewritten");
        assertEquals(200, notifyWith(old), "the EHR still sends the old secret");

        // The hourly run finishes the rotation once the EHR answers again.
        VertxContextSupport.subscribeAndAwait(() -> rotation.scheduled());
        String current = secretIn(headersOnTheEhr().get(0));
        assertNotEquals(old, current);
        assertEquals(200, notifyWith(current));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> notifyWith(old) == 401);
    }

    @Test
    void aSourceWhoseSubscriptionsTheEhrAdministratorsKeepIsNotRotated() {
        Api.as(OPERATOR).when().post("/ops/subscriptions/lab/rotate-secret").then().statusCode(409)
                .body("issue[0].diagnostics", startsWith("TG-SUB-046"));
    }
}
