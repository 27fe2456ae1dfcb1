package org.toxgrade.security;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.toxgrade.support.Api.as;
import static org.toxgrade.support.Api.asEhr;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.toxgrade.support.Fixtures;

/** SMART system scopes decide each interaction; each Bundle entry is authorised on its own. */
@QuarkusTest
class ScopeAuthorizationTest {

    private static final String FHIR_JSON = "application/fhir+json";

    private static String observation(String id) {
        return Fixtures.read("ingest/valid/observation-ice-put.json").replace("ice-day5", id);
    }

    @Test
    void createNeedsC() {
        as("system/Observation.c").contentType(FHIR_JSON).body(observation("scope-c"))
                .when().post("/fhir/Observation").then().statusCode(201);
        as("system/Observation.u system/MedicationAdministration.c").contentType(FHIR_JSON).body(observation("scope-c"))
                .when().post("/fhir/Observation").then().statusCode(403)
                .body("issue[0].code", equalTo("forbidden"))
                .body("issue[0].diagnostics", startsWith("TG-AUTH-403"));
    }

    @Test
    void updateNeedsU() {
        as("system/Observation.c").contentType(FHIR_JSON).body(observation("scope-u"))
                .when().put("/fhir/Observation/scope-u").then().statusCode(403);
        asEhr().when().get("/fhir/Observation/scope-u").then().statusCode(404);
        as("system/Observation.u").contentType(FHIR_JSON).body(observation("scope-u"))
                .when().put("/fhir/Observation/scope-u").then().statusCode(201);
    }

    @Test
    void readNeedsR() {
        asEhr().contentType(FHIR_JSON).body(observation("scope-r")).when().put("/fhir/Observation/scope-r")
                .then().statusCode(201);
        as("system/Observation.cu").when().get("/fhir/Observation/scope-r").then().statusCode(403);
        as("system/MedicationAdministration.rs").when().get("/fhir/Observation/scope-r").then().statusCode(403);
        as("system/Observation.rs").when().get("/fhir/Observation/scope-r").then().statusCode(200);
        as("system/*.read").when().get("/fhir/Observation/scope-r/_history/1").then().statusCode(200);
    }

    @Test
    void userScopesReadAndSearchButNeverWriteAndPatientScopesGrantNothing() {
        asEhr().contentType(FHIR_JSON).body(observation("scope-user-r")).when().put("/fhir/Observation/scope-user-r")
                .then().statusCode(201);
        as("user/Observation.rs").when().get("/fhir/Observation/scope-user-r").then().statusCode(200);
        as("user/*.read").when().get("/fhir/Observation/scope-user-r/_history/1").then().statusCode(200);
        as("patient/Observation.rs").when().get("/fhir/Observation/scope-user-r").then().statusCode(403);
        as("user/Observation.cruds").contentType(FHIR_JSON).body(observation("scope-user"))
                .when().put("/fhir/Observation/scope-user").then().statusCode(403);
    }

    @Test
    void patientAndUserScopesDoNotServeABackendService() {
        as("patient/*.cruds user/*.cruds").contentType(FHIR_JSON).body(observation("scope-ctx"))
                .when().put("/fhir/Observation/scope-ctx").then().statusCode(403);
    }

    @Test
    void aBatchEntryTheTokenDoesNotCoverIsRefusedAloneWith403() {
        as("system/Observation.u system/Patient.u").contentType(FHIR_JSON)
                .body(Fixtures.read("ingest/valid/batch-pres-day0.json").replace("demo-case", "scope-batch")
                        .replace("cart-infusion", "scope-batch-infusion")
                        .replace("temp-day0-evening", "scope-batch-temp")
                        .replace("ice-day0-evening", "scope-batch-ice"))
                .when().post("/fhir")
                .then().statusCode(200)
                .body("entry[0].response.status", equalTo("201 Created"))
                .body("entry[1].response.status", startsWith("403"))
                .body("entry[1].response.outcome.issue[0].code", equalTo("forbidden"))
                .body("entry[1].response.outcome.issue[0].expression[0]", equalTo("Bundle.entry[1]"))
                .body("entry[2].response.status", equalTo("201 Created"))
                .body("entry[3].response.status", equalTo("201 Created"));
        asEhr().when().get("/fhir/MedicationAdministration/scope-batch-infusion").then().statusCode(404);
    }

    @Test
    void aTransactionWithOneEntryTheTokenDoesNotCoverStoresNothing() {
        String transaction = Fixtures.read("ingest/valid/batch-pres-day0.json").replace("\"batch\"", "\"transaction\"")
                .replace("demo-case", "scope-tx").replace("cart-infusion", "scope-tx-infusion")
                .replace("temp-day0-evening", "scope-tx-temp").replace("ice-day0-evening", "scope-tx-ice");
        as("system/Observation.u system/Patient.u").contentType(FHIR_JSON).body(transaction)
                .when().post("/fhir")
                .then().statusCode(403)
                .body("issue[0].expression[0]", equalTo("Bundle.entry[1]"));
        asEhr().when().get("/fhir/Patient/scope-tx").then().statusCode(404);
        asEhr().when().get("/fhir/Observation/scope-tx-temp").then().statusCode(404);
    }
}
