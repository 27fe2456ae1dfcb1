package org.toxgrade.ingest;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.toxgrade.support.Api.as;
import static org.toxgrade.support.Api.asEhr;
import static org.toxgrade.support.Management.management;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.toxgrade.support.Fixtures;

/**
 * docs/clinical-rules.md section 8: "A code that the service does not know is stored and counted, and the
 * answer to the sender carries an OperationOutcome warning naming its code system" (issue 12). The
 * warning is TG-INGEST-101, severity warning, issue type code-invalid, one issue per code system
 * with the elements as expressions, and never the sender's values.
 */
@QuarkusTest
class UnknownCodeWarningTest {

    private static final String FHIR_JSON = "application/fhir+json";
    private static final String LOINC = "http://loinc.org";
    private static final String PHARMACY = "http://hospital.example.org/pharmacy";

    private static String glucose(String id) {
        return Fixtures.read("ingest/valid/observation-unknown-loinc.json")
                .replace("\"status\"", "\"id\": \"" + id + "\", \"status\"");
    }

    @Test
    void aSingleWriteAskingForAnOutcomeGetsTheWarningNamingTheSystemAndTheResourceIsStored() {
        asEhr().contentType(FHIR_JSON).header("Prefer", "return=OperationOutcome").body(glucose("unknown-single"))
                .when().put("/fhir/Observation/unknown-single")
                .then().statusCode(201)
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue", hasSize(2))
                .body("issue[0].severity", equalTo("information"))
                .body("issue[1].severity", equalTo("warning"))
                .body("issue[1].code", equalTo("code-invalid"))
                .body("issue[1].diagnostics", startsWith("TG-INGEST-101: codes of system " + LOINC + " "))
                .body("issue[1].diagnostics", not(containsString("2339-0")))
                .body("issue[1].diagnostics", not(containsString("112")))
                .body("issue[1].expression", contains("Observation.code"));

        asEhr().when().get("/fhir/Observation/unknown-single").then().statusCode(200)
                .body("code.coding[0].code", equalTo("2339-0"))
                .body("valueQuantity.value", equalTo(112));
        management().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("toxgrade_facts_unknown_codes_total{system=\"" + LOINC + "\"}"));
    }

    @Test
    void aCreateWithTheDefaultAnswerGetsTheResourceAndAKnownCodeGetsNoWarning() {
        asEhr().contentType(FHIR_JSON).body(Fixtures.read("ingest/valid/observation-unknown-loinc.json"))
                .when().post("/fhir/Observation")
                .then().statusCode(201)
                .body("resourceType", equalTo("Observation"))
                .body("code.coding[0].code", equalTo("2339-0"));

        asEhr().contentType(FHIR_JSON).header("Prefer", "return=OperationOutcome")
                .body(Fixtures.read("ingest/valid/observation-temperature.json"))
                .when().post("/fhir/Observation")
                .then().statusCode(201)
                .body("issue", hasSize(1))
                .body("issue[0].severity", equalTo("information"));
    }

    @Test
    void eachBatchEntryCarriesTheWarningsOfItsOwnResourceInResponseOutcome() {
        JsonPath answer = asEhr().contentType(FHIR_JSON)
                .body(Fixtures.read("ingest/valid/batch-with-unknown-codes.json"))
                .when().post("/fhir")
                .then().statusCode(200)
                .body("type", equalTo("batch-response"))
                .body("entry.response.status", contains("201 Created", "201 Created", "201 Created"))
                .body("entry[0].response.outcome.resourceType", equalTo("OperationOutcome"))
                .body("entry[0].response.outcome.issue", hasSize(1))
                .body("entry[0].response.outcome.issue[0].severity", equalTo("warning"))
                .body("entry[0].response.outcome.issue[0].code", equalTo("code-invalid"))
                .body("entry[0].response.outcome.issue[0].diagnostics", containsString(LOINC))
                .body("entry[0].response.outcome.issue[0].expression", contains("Observation.code"))
                .body("entry[1].response.outcome", nullValue())
                .body("entry[2].response.outcome.issue[0].diagnostics", containsString(PHARMACY))
                .body("entry[2].response.outcome.issue[0].expression",
                        contains("MedicationAdministration.medicationCodeableConcept"))
                .extract().jsonPath();
        assertNoSenderValues(answer.getString("entry[2].response.outcome.issue[0].diagnostics"), "RX-0042");

        asEhr().when().get("/fhir/Observation/unknown-batch-glucose").then().statusCode(200);
        asEhr().when().get("/fhir/MedicationAdministration/unknown-batch-drug").then().statusCode(200);
        management().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("toxgrade_facts_unknown_codes_total{system=\"" + PHARMACY + "\"}"));
    }

    @Test
    void aTransactionEntryCarriesTheWarningToo() {
        String transaction = Fixtures.read("ingest/valid/batch-with-unknown-codes.json")
                .replace("\"type\": \"batch\"", "\"type\": \"transaction\"")
                .replace("unknown-batch-", "unknown-tx-").replace("unknown-codes-batch", "unknown-codes-tx");
        asEhr().contentType(FHIR_JSON).body(transaction).when().post("/fhir")
                .then().statusCode(200)
                .body("type", equalTo("transaction-response"))
                .body("entry[0].response.outcome.issue[0].severity", equalTo("warning"))
                .body("entry[0].response.outcome.issue[0].diagnostics", startsWith("TG-INGEST-101"))
                .body("entry[0].response.outcome.issue[0].diagnostics", containsString(LOINC))
                .body("entry[1].response.outcome", nullValue());
        asEhr().when().get("/fhir/Observation/unknown-tx-glucose").then().statusCode(200);
    }

    @Test
    void gradeAnswersOneOperationOutcomeEntryNamingEachSystemInItsRequestEntry() {
        JsonPath answer = as("toxgrade/grade").urlEncodingEnabled(false).contentType(FHIR_JSON)
                .body(Fixtures.read("ingest/valid/grade-with-unknown-codes.json"))
                .queryParam("asOf", "2025-03-05T00:00:00Z")
                .when().post("/fhir/$grade")
                .then().statusCode(200)
                .body("type", equalTo("collection"))
                .body("entry.findAll { it.resource.resourceType == 'OperationOutcome' }", hasSize(1))
                .extract().jsonPath();
        List<Map<String, Object>> issues = answer
                .getList("entry.find { it.resource.resourceType == 'OperationOutcome' }.resource.issue");
        // Systems in order; the known temperature and CAR-T codes are not mentioned.
        assertEquals(List.of(PHARMACY, LOINC), issues.stream()
                .map(i -> ((String) i.get("diagnostics")).replaceFirst("^TG-INGEST-101: codes of system (\\S+) .*$",
                        "$1"))
                .toList());
        assertEquals(List.of(List.of("Bundle.entry[4].resource.medicationCodeableConcept"),
                List.of("Bundle.entry[3].resource.code")), issues.stream().map(i -> i.get("expression")).toList());
        issues.forEach(i -> {
            assertEquals(List.of("warning", "code-invalid"), List.of(i.get("severity"), i.get("code")));
            assertNoSenderValues((String) i.get("diagnostics"), "RX-0042", "2339-0");
        });
        // The known codes still grade: the fever after the infusion is CRS.
        assertTrue(answer.getList("entry.resource.resourceType").contains("Condition"), "the fever still grades");
    }

    @Test
    void gradeWithOnlyKnownCodesHasNoOperationOutcome() {
        String known = Fixtures.read("ingest/valid/grade-with-unknown-codes.json")
                .replace("\"2339-0\"", "\"8310-5\"")
                .replace("\"value\": 112, \"unit\": \"mg/dL\"", "\"value\": 37.0, \"unit\": \"Cel\"")
                .replace("\"code\": \"mg/dL\"", "\"code\": \"Cel\"")
                .replace(PHARMACY + "\", \"code\": \"RX-0042\"",
                        "http://www.nlm.nih.gov/research/umls/rxnorm\", \"code\": \"161\"");
        as("toxgrade/grade").urlEncodingEnabled(false).contentType(FHIR_JSON).body(known)
                .queryParam("asOf", "2025-03-05T00:00:00Z")
                .when().post("/fhir/$grade")
                .then().statusCode(200)
                .body("entry.findAll { it.resource.resourceType == 'OperationOutcome' }", hasSize(0));
    }

    private static void assertNoSenderValues(String diagnostics, String... values) {
        for (String value : values) {
            assertFalse(diagnostics.contains(value), diagnostics);
        }
    }
}
