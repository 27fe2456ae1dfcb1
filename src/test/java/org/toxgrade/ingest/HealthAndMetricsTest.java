package org.toxgrade.ingest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.toxgrade.support.Api.asEhr;
import static org.toxgrade.support.Management.management;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.toxgrade.support.Fixtures;

@QuarkusTest
class HealthAndMetricsTest {

    @Test
    void livenessIsUp() {
        management().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void readinessChecksTheDatabase() {
        management().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("PostgreSQL")));
    }

    @Test
    void metricsCountIngestedResourcesByTypeAndOutcome() {
        asEhr().contentType("application/fhir+json").body(Fixtures.read("ingest/valid/observation-temperature.json"))
                .when().post("/fhir/Observation").then().statusCode(201);
        management().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("toxgrade_ingest_resources_total{outcome=\"created\",type=\"Observation\"}"));
    }
}
