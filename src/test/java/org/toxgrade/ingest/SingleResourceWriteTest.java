package org.toxgrade.ingest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.toxgrade.support.Api.asEhr;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.toxgrade.support.Fixtures;

@QuarkusTest
class SingleResourceWriteTest {

    private static final String FHIR_JSON = "application/fhir+json";

    @Test
    void createAssignsAnIdAndAnswers201WithLocationAndTheStoredResource() {
        Response created = asEhr().contentType(FHIR_JSON)
                .body(Fixtures.read("ingest/valid/observation-temperature.json"))
                .when().post("/fhir/Observation")
                .then().statusCode(201)
                .contentType(startsWith(FHIR_JSON))
                .header("Location", matchesPattern(".*/fhir/Observation/[0-9a-f-]{36}/_history/1"))
                .header("ETag", equalTo("W/\"1\""))
                .body("resourceType", equalTo("Observation"))
                .body("meta.versionId", equalTo("1"))
                .body("valueQuantity.code", equalTo("[degF]"))
                .extract().response();

        String id = created.path("id");
        asEhr().accept(FHIR_JSON).when().get("/fhir/Observation/" + id)
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("meta.versionId", equalTo("1"))
                .body("meta.lastUpdated", notNullValue())
                .body("valueQuantity.value", equalTo(102));
    }

    @Test
    void plainApplicationJsonIsAcceptedToo() {
        asEhr().contentType("application/json")
                .body(Fixtures.read("ingest/valid/medication-administration-norepinephrine.json"))
                .when().post("/fhir/MedicationAdministration")
                .then().statusCode(201)
                .body("medicationCodeableConcept.coding[0].code", equalTo("7512"));
    }

    @Test
    void updateCreatesThenVersionsAndARedeliveryChangesNothing() {
        String body = Fixtures.read("ingest/valid/observation-ice-put.json").replace("ice-day5", "ice-versions");
        asEhr().contentType(FHIR_JSON).body(body).when().put("/fhir/Observation/ice-versions")
                .then().statusCode(201).header("ETag", equalTo("W/\"1\""));

        // Same content again, laid out differently: a redelivery, not a new version.
        String reformatted = body.replace("\n", " ").replace("  ", " ");
        asEhr().contentType(FHIR_JSON).body(reformatted).when().put("/fhir/Observation/ice-versions")
                .then().statusCode(200).header("ETag", equalTo("W/\"1\""));

        String corrected = body.replace("\"valueInteger\": 10", "\"valueInteger\": 9");
        asEhr().contentType(FHIR_JSON).header("Prefer", "return=minimal").body(corrected)
                .when().put("/fhir/Observation/ice-versions")
                .then().statusCode(200).header("ETag", equalTo("W/\"2\""))
                .header("Location", matchesPattern(".*/fhir/Observation/ice-versions/_history/2"));

        asEhr().when().get("/fhir/Observation/ice-versions").then().statusCode(200).body("valueInteger", equalTo(9));
        asEhr().when().get("/fhir/Observation/ice-versions/_history/1").then().statusCode(200)
                .body("valueInteger", equalTo(10)).body("meta.versionId", equalTo("1"));
    }

    @Test
    void aSenderVersionDeliveredTwiceIsStoredOnceAndReusedWithOtherContentIsAConflict() {
        String v3 = Fixtures.read("ingest/valid/observation-ice-put.json").replace("ice-day5", "ice-sender-version")
                .replace("\"status\": \"final\"", "\"meta\": {\"versionId\": \"3\"}, \"status\": \"final\"");
        asEhr().contentType(FHIR_JSON).body(v3).when().put("/fhir/Observation/ice-sender-version")
                .then().statusCode(201).header("ETag", equalTo("W/\"1\""));
        asEhr().contentType(FHIR_JSON).body(v3).when().put("/fhir/Observation/ice-sender-version")
                .then().statusCode(200).header("ETag", equalTo("W/\"1\""));

        asEhr().contentType(FHIR_JSON).body(v3.replace("\"valueInteger\": 10", "\"valueInteger\": 4"))
                .when().put("/fhir/Observation/ice-sender-version")
                .then().statusCode(409)
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].code", equalTo("conflict"))
                .body("issue[0].expression[0]", equalTo("meta.versionId"));
        asEhr().when().get("/fhir/Observation/ice-sender-version").then().statusCode(200)
                .body("valueInteger", equalTo(10));
    }

    @Test
    void preferOperationOutcomeAnswersWithAnOutcomeInsteadOfTheResource() {
        asEhr().contentType(FHIR_JSON).header("Prefer", "return=OperationOutcome")
                .body(Fixtures.read("ingest/valid/observation-temperature.json"))
                .when().post("/fhir/Observation")
                .then().statusCode(201)
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].severity", equalTo("information"));
    }

    @Test
    void readingAnUnknownResourceIs404WithAnOutcome() {
        asEhr().when().get("/fhir/Observation/never-sent").then().statusCode(404)
                .contentType(startsWith(FHIR_JSON))
                .body("issue[0].code", equalTo("not-found"));
        asEhr().when().get("/fhir/Observation/never-sent/_history/x").then().statusCode(404);
    }
}
