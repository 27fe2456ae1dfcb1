package org.toxgrade.audit;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.toxgrade.support.Api.as;
import static org.toxgrade.support.Api.asClient;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Refused access leaves an audit record (who, what, outcome), without patient data: a 403 names the
 * client the token names and the resource type, never the id asked for.
 */
@QuarkusTest
class RefusedAccessAuditTest {

    @Test
    void aForbiddenReadIsAuditedWithTheClientAndTheTypeButNotTheId() {
        asClient("audit-refused", "system/Observation.c").when().get("/fhir/Condition/refused-patient-secret")
                .then().statusCode(403);
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonPath events = as("system/AuditEvent.s").queryParam("agent", "audit-refused")
                    .when().get("/fhir/AuditEvent").then().statusCode(200).extract().jsonPath();
            org.junit.jupiter.api.Assertions.assertEquals(1, events.getList("entry").size(), events.prettify());
            org.junit.jupiter.api.Assertions.assertEquals("HTTP 403",
                    events.getString("entry[0].resource.outcomeDesc"));
            org.junit.jupiter.api.Assertions.assertEquals("read",
                    events.getString("entry[0].resource.subtype[0].code"));
            org.junit.jupiter.api.Assertions.assertEquals("4", events.getString("entry[0].resource.outcome"));
            org.junit.jupiter.api.Assertions.assertFalse(events.prettify().contains("refused-patient-secret"),
                    "the id asked for is not recorded");
        });
    }

    @Test
    void aRequestWithoutATokenIsAuditedAsUnauthenticated() {
        RestAssured.given().when().get("/fhir/Flag/unauth-audit-probe").then().statusCode(401);
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as("system/AuditEvent.s")
                .queryParam("agent", "unauthenticated").when().get("/fhir/AuditEvent").then().statusCode(200)
                .body("entry.resource.outcomeDesc", hasItem(equalTo("HTTP 401")))
                .body("entry.resource.subtype[0].code", hasItem(equalTo("read")))
                .body(not(org.hamcrest.Matchers.containsString("unauth-audit-probe"))));
    }
}
