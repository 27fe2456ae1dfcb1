package org.toxgrade.ingest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.toxgrade.support.Api.asEhr;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.toxgrade.support.Fixtures;

/** An element FHIR R4 does not define (a typo such as valueQuanity) is refused when strict, else named in a warning. */
@QuarkusTest
class UnknownElementTest {

    private static String misspelt(String id) {
        return Fixtures.read("ingest/invalid/observation-misspelt-value-quantity.json").replace("typo-temp", id);
    }

    @Test
    void strictHandlingRefusesTheWriteNamingTheElement() {
        asEhr().contentType("application/fhir+json").header("Prefer", "handling=strict").body(misspelt("typo-strict"))
                .when().put("/fhir/Observation/typo-strict").then().statusCode(400)
                .body("issue[0].details.coding[0].code", equalTo("TG-INGEST-070"))
                .body("issue[0].diagnostics", containsString("valueQuanity"))
                .body("issue[0].expression[0]", containsString("valueQuanity"));
        asEhr().when().get("/fhir/Observation/typo-strict").then().statusCode(404);
    }

    private static String misspeltInterpretation(String id) {
        return Fixtures.read("ingest/invalid/observation-misspelt-interpretation.json").replace("typo-temp", id);
    }

    @Test
    void byDefaultTheWriteIsStoredAndTheSenderWarnedOfEachElement() {
        asEhr().contentType("application/fhir+json").header("Prefer", "return=OperationOutcome")
                .body(misspeltInterpretation("typo-lenient")).when().put("/fhir/Observation/typo-lenient").then()
                .statusCode(201)
                .body("issue.severity", hasItem("warning"))
                .body("issue.collect { it.details.coding[0].code }", hasItem("TG-INGEST-071"))
                .body("issue.find { it.severity == 'warning' }.expression[0]", containsString("interpretaton"));
        asEhr().contentType("application/fhir+json").header("Prefer", "handling=lenient")
                .body(misspeltInterpretation("typo-lenient-2")).when().put("/fhir/Observation/typo-lenient-2").then()
                .statusCode(201);
    }

    @Test
    void aMisspeltValueOfAKnownCodeIsStillRefusedAsAMissingValue() {
        asEhr().contentType("application/fhir+json").body(misspelt("typo-value")).when()
                .put("/fhir/Observation/typo-value").then().statusCode(422);
    }

    @Test
    void strictHandlingRefusesABundleThatHoldsOne() {
        String bundle = "{\"resourceType\":\"Bundle\",\"type\":\"batch\",\"entry\":[{\"resource\":"
                + misspelt("typo-in-bundle")
                + ",\"request\":{\"method\":\"PUT\",\"url\":\"Observation/typo-in-bundle\"}}]}";
        asEhr().contentType("application/fhir+json").header("Prefer", "handling=strict").body(bundle)
                .when().post("/fhir").then().statusCode(400)
                .body("issue[0].details.coding[0].code", equalTo("TG-INGEST-070"));
    }
}
