package org.toxgrade.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.toxgrade.support.Api.asEhr;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.toxgrade.support.Fixtures;

@QuarkusTest
class HealthAndMetricsTest {

    @Test
    void livenessIsUp() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void readinessChecksTheDatabase() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("PostgreSQL")));
    }

    @Test
    void metricsCountIngestedResourcesByTypeAndOutcome() {
        asEhr().contentType("application/fhir+json").body(Fixtures.read("ingest/valid/observation-temperature.json"))
                .when().post("/fhir/Observation").then().statusCode(201);
        asEhr().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("toxgrade_ingest_resources_total{outcome=\"created\",type=\"Observation\"}"));
    }
}
