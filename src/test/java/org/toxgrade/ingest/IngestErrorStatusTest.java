package org.toxgrade.ingest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.toxgrade.support.Api.asEhr;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.toxgrade.support.Fixtures;

/** Every refusal is an OperationOutcome with the status a FHIR client expects. */
@QuarkusTest
class IngestErrorStatusTest {

    private static final String FHIR_JSON = "application/fhir+json";

    @Test
    void malformedJsonIs400() {
        asEhr().contentType(FHIR_JSON).body(Fixtures.read("ingest/invalid/malformed.json"))
                .when().post("/fhir/Observation")
                .then().statusCode(400)
                .contentType(startsWith(FHIR_JSON))
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].severity", equalTo("error"))
                .body("issue[0].code", equalTo("structure"))
                .body("issue[0].diagnostics", startsWith("TG-INGEST-006"));
    }

    @Test
    void aValueThatIsNotValidFhirIs400() {
        asEhr().contentType(FHIR_JSON).body(Fixtures.read("ingest/invalid/observation-invalid-date.json"))
                .when().post("/fhir/Observation")
                .then().statusCode(400)
                .body("issue[0].diagnostics", startsWith("TG-FHIR-001"));
    }

    @Test
    void emptyBodyIs400() {
        asEhr().contentType(FHIR_JSON).body("").when().post("/fhir/Observation")
                .then().statusCode(400).body("issue[0].code", equalTo("required"));
    }

    @Test
    void aResourceTypeTheServiceDoesNotTakeIs422() {
        asEhr().contentType(FHIR_JSON).body(Fixtures.read("ingest/invalid/condition.json"))
                .when().post("/fhir/Condition")
                .then().statusCode(422)
                .body("issue[0].code", equalTo("not-supported"))
                .body("issue[0].diagnostics", startsWith("TG-INGEST-002"));
    }

    @Test
    void aBodyOfAnotherTypeThanTheUrlIs400() {
        asEhr().contentType(FHIR_JSON).body(Fixtures.read("ingest/valid/observation-temperature.json"))
                .when().post("/fhir/MedicationAdministration")
                .then().statusCode(400)
                .body("issue[0].diagnostics", startsWith("TG-INGEST-003"));
    }

    @Test
    void anUpdateWhoseBodyIdDiffersFromTheUrlIs400() {
        asEhr().contentType(FHIR_JSON).body(Fixtures.read("ingest/valid/observation-ice-put.json"))
                .when().put("/fhir/Observation/some-other-id")
                .then().statusCode(400)
                .body("issue[0].expression[0]", equalTo("id"));
        asEhr().when().get("/fhir/Observation/some-other-id").then().statusCode(404);
    }

    @Test
    void anUpdateWithAnInvalidIdIs400() {
        asEhr().contentType(FHIR_JSON).body(Fixtures.read("ingest/valid/observation-ice-put.json"))
                .when().put("/fhir/Observation/bad_id!")
                .then().statusCode(400)
                .body("issue[0].diagnostics", startsWith("TG-INGEST-007"));
    }

    @Test
    void anotherMediaTypeIs415() {
        asEhr().contentType("text/plain").body(Fixtures.read("ingest/valid/observation-temperature.json"))
                .when().post("/fhir/Observation")
                .then().statusCode(415)
                .contentType(startsWith(FHIR_JSON))
                .body("issue[0].code", equalTo("not-supported"));
    }

    @Test
    void xmlIs415BecauseNoXmlParserIsExposed() {
        asEhr().contentType("application/fhir+xml")
                .body("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                        + "<Observation xmlns=\"http://hl7.org/fhir\"><status value=\"&e;\"/></Observation>")
                .when().post("/fhir/Observation")
                .then().statusCode(415);
    }

    @Test
    void askingForXmlIs406() {
        asEhr().accept("application/fhir+xml").when().get("/fhir/Observation/x").then().statusCode(406);
    }

    @Test
    void aBodyOverTheLimitIs413BeforeItIsRead() {
        // The test profile sets toxgrade.ingest.max-body-size=512K.
        String padding = " ".repeat(600 * 1024);
        asEhr().contentType(FHIR_JSON).body(Fixtures.read("ingest/valid/observation-temperature.json") + padding)
                .when().post("/fhir/Observation")
                .then().statusCode(413)
                .body("issue[0].code", equalTo("too-costly"))
                .body("issue[0].diagnostics", startsWith("TG-INGEST-012"));
    }

    @Test
    void aBundleWithMoreEntriesThanTheLimitIs413() {
        // The test profile sets toxgrade.ingest.max-bundle-entries=500.
        StringBuilder bundle = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"batch\",\"entry\":[");
        for (int i = 0; i < 501; i++) {
            bundle.append(i == 0 ? "" : ",").append("{\"resource\":{\"resourceType\":\"Patient\",\"id\":\"p")
                    .append(i).append("\"},\"request\":{\"method\":\"PUT\",\"url\":\"Patient/p").append(i)
                    .append("\"}}");
        }
        bundle.append("]}");
        asEhr().contentType(FHIR_JSON).body(bundle.toString()).when().post("/fhir")
                .then().statusCode(413)
                .body("issue[0].diagnostics", startsWith("TG-INGEST-021"));
        asEhr().when().get("/fhir/Patient/p1").then().statusCode(404);
    }

    @Test
    void anUnknownEndpointIs404WithAnOutcome() {
        asEhr().when().get("/fhir/Observation/a/b/c/d").then().statusCode(404)
                .contentType(startsWith(FHIR_JSON))
                .body("resourceType", equalTo("OperationOutcome"));
    }

    @Test
    void anUnsupportedMethodIs405WithAnOutcome() {
        asEhr().when().delete("/fhir/Observation/x").then().statusCode(405)
                .body("resourceType", equalTo("OperationOutcome"));
    }
}
