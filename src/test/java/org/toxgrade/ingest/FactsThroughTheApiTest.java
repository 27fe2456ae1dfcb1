package org.toxgrade.ingest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.toxgrade.support.Api.as;
import static org.toxgrade.support.Api.asEhr;
import static org.toxgrade.support.Management.management;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.toxgrade.support.Fixtures;

/**
 * Received resources become facts in the same transaction; a known code with an impossible value
 * is refused with a 422 naming the element, per entry in a batch and for the whole transaction.
 */
@QuarkusTest
class FactsThroughTheApiTest {

    private static final String FHIR_JSON = "application/fhir+json";
    private static final String OPERATOR = "toxgrade/operator";

    private static String temperature(String id, String patient, String value) {
        return Fixtures.read("ingest/valid/observation-temperature.json")
                .replace("\"status\"", "\"id\": \"" + id + "\", \"status\"")
                .replace("demo-case", patient)
                .replace("\"value\": 102", "\"value\": " + value);
    }

    @Test
    void anImpossibleTemperatureIs422NamingTheElementAndNothingIsStored() {
        asEhr().contentType(FHIR_JSON).body(temperature("facts-hot", "facts-a", "194"))
                .when().put("/fhir/Observation/facts-hot")
                .then().statusCode(422)
                .body("issue[0].code", equalTo("processing"))
                .body("issue[0].diagnostics", startsWith("TG-FACT-020"))
                .body("issue[0].expression[0]", equalTo("Observation.valueQuantity.value"));
        asEhr().when().get("/fhir/Observation/facts-hot").then().statusCode(404);
    }

    @Test
    void aMissingUnitIs422() {
        String noUnit = temperature("facts-nounit", "facts-a", "101")
                .replace(", \"system\": \"http://unitsofmeasure.org\", \"code\": \"[degF]\"", "");
        asEhr().contentType(FHIR_JSON).body(noUnit).when().put("/fhir/Observation/facts-nounit")
                .then().statusCode(422).body("issue[0].diagnostics", startsWith("TG-FACT-012"));
    }

    @Test
    void inABatchOnlyTheBadEntryIsRefused() {
        String batch = """
                {"resourceType": "Bundle", "type": "batch", "entry": [
                  {"resource": %s, "request": {"method": "PUT", "url": "Observation/facts-batch-ok"}},
                  {"resource": %s, "request": {"method": "PUT", "url": "Observation/facts-batch-bad"}}
                ]}""".formatted(temperature("facts-batch-ok", "facts-b", "101"),
                temperature("facts-batch-bad", "facts-b", "-3"));
        asEhr().contentType(FHIR_JSON).body(batch).when().post("/fhir").then().statusCode(200)
                .body("entry[0].response.status", equalTo("201 Created"))
                .body("entry[1].response.status", startsWith("422"))
                .body("entry[1].response.outcome.issue[0].expression[0]",
                        equalTo("Bundle.entry[1].resource.valueQuantity.value"));
        as(OPERATOR).when().get("/ops/patients/facts-b/facts").then().statusCode(200)
                .body("id", equalTo(List.of("Observation/facts-batch-ok")))
                .body("kind", hasItem("temperature"));
    }

    @Test
    void inATransactionOneBadEntryStoresNothing() {
        String transaction = """
                {"resourceType": "Bundle", "type": "transaction", "entry": [
                  {"resource": %s, "request": {"method": "PUT", "url": "Observation/facts-tx-ok"}},
                  {"resource": %s, "request": {"method": "PUT", "url": "Observation/facts-tx-bad"}}
                ]}""".formatted(temperature("facts-tx-ok", "facts-c", "101"),
                temperature("facts-tx-bad", "facts-c", "20"));
        asEhr().contentType(FHIR_JSON).body(transaction).when().post("/fhir").then().statusCode(422)
                .body("issue[0].expression[0]", equalTo("Bundle.entry[1].resource.valueQuantity.value"));
        asEhr().when().get("/fhir/Observation/facts-tx-ok").then().statusCode(404);
        as(OPERATOR).when().get("/ops/patients/facts-c/facts").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void aNewVersionReplacesTheFactAndEnteredInErrorRetractsIt() {
        asEhr().contentType(FHIR_JSON).body(temperature("facts-v", "facts-d", "101"))
                .when().put("/fhir/Observation/facts-v").then().statusCode(201);
        asEhr().contentType(FHIR_JSON).body(temperature("facts-v", "facts-d", "99"))
                .when().put("/fhir/Observation/facts-v").then().statusCode(200);
        as(OPERATOR).when().get("/ops/patients/facts-d/facts").then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].sourceVersion", equalTo(2))
                .body("[0].payload", containsString("37.22"));

        asEhr().contentType(FHIR_JSON)
                .body(temperature("facts-v", "facts-d", "99").replace("\"final\"", "\"entered-in-error\""))
                .when().put("/fhir/Observation/facts-v").then().statusCode(200);
        as(OPERATOR).when().get("/ops/patients/facts-d/facts").then().statusCode(200).body("$", hasSize(0));
        // The record itself is kept: all three versions.
        asEhr().when().get("/fhir/Observation/facts-v/_history/1").then().statusCode(200);
    }

    @Test
    void aPatientWithFactsButNoInfusionWaitsVisibly() {
        asEhr().contentType(FHIR_JSON).body(temperature("facts-pending", "facts-pending-patient", "101"))
                .when().put("/fhir/Observation/facts-pending").then().statusCode(201);
        as(OPERATOR).when().get("/ops/patients/pending").then().statusCode(200)
                .body("patient", hasItem("Patient/facts-pending-patient"));
        as(CONDITION_READER).queryParam("patient", "facts-pending-patient").when().get("/fhir/Condition")
                .then().statusCode(200).body("total", equalTo(0));
        as("system/*.cruds").when().get("/ops/patients/pending").then().statusCode(403);
    }

    @Test
    void unknownCodesAreNotErrorsButAreCounted() {
        String unknown = temperature("facts-unknown", "facts-e", "101")
                .replace("\"system\": \"http://loinc.org\", \"code\": \"8310-5\"",
                        "\"system\": \"http://hospital.example.org/flowsheet\", \"code\": \"T-ORAL-99\"");
        asEhr().contentType(FHIR_JSON).body(unknown).when().put("/fhir/Observation/facts-unknown")
                .then().statusCode(201);
        management().when().get("/q/metrics").then().statusCode(200)
                .body(containsString(
                        "toxgrade_facts_unknown_codes_total{system=\"http://hospital.example.org/flowsheet\"}"));
        as(OPERATOR).when().get("/ops/patients/facts-e/facts").then().body("$", hasSize(0));
    }

    @Test
    void aStatementOfDevelopmentalInabilityIsStoredAndOneWithoutItsBooleanIs422() {
        String statement = Fixtures.read("ingest/valid/observation-ice-developmental-inability.json");
        asEhr().contentType(FHIR_JSON).body(statement).when().put("/fhir/Observation/api-dev-statement")
                .then().statusCode(201);
        as(OPERATOR).when().get("/ops/patients/facts-dev/facts").then().statusCode(200)
                .body("id", equalTo(List.of("Observation/api-dev-statement")))
                .body("kind", equalTo(List.of("ice-developmental-inability")));

        String noValue = statement.replace("api-dev-statement", "api-dev-no-value")
                .replace(",\n  \"valueBoolean\": true", "");
        asEhr().contentType(FHIR_JSON).body(noValue).when().put("/fhir/Observation/api-dev-no-value")
                .then().statusCode(422)
                .body("issue[0].code", equalTo("processing"))
                .body("issue[0].diagnostics", startsWith("TG-FACT-010"))
                .body("issue[0].expression[0]", equalTo("Observation.value[x]"));
        asEhr().when().get("/fhir/Observation/api-dev-no-value").then().statusCode(404);
    }

    private static final String CONDITION_READER = "system/Condition.rs";

}
