package org.toxgrade.results;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.toxgrade.support.Api.as;
import static org.toxgrade.support.Api.asEhr;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.toxgrade.support.FeverPatients;
import org.toxgrade.support.Results;

/**
 * A read takes the parameters FHIR R4 gives it (_elements, _summary, _pretty, _format), for the results
 * and for the stored resources alike; a value it cannot honour is a 400, not a whole resource.
 */
@QuarkusTest
class ReadShapingTest {

    private static final String PATIENT = "shape-a";
    private static String conditionId;
    private static String condition;

    @BeforeEach
    void sendOnce() {
        if (conditionId == null) {
            FeverPatients.send(List.of(PATIENT), 1);
            conditionId = as(Results.READER).queryParam("patient", PATIENT).when().get("/fhir/Condition").then()
                    .statusCode(200).body("total", equalTo(1)).extract().path("entry[0].resource.id");
            condition = "/fhir/Condition/" + conditionId;
        }
    }

    @Test
    void elementsOnAResultReadKeepOnlyThoseAndTheMandatoryOnes() {
        as(Results.READER).queryParam("_elements", "code,subject").when().get(condition).then().statusCode(200)
                .body("resourceType", equalTo("Condition"))
                .body("id", equalTo(conditionId))
                .body("code", notNullValue())
                .body("subject.reference", equalTo("Patient/" + PATIENT))
                .body("stage", nullValue())
                .body("evidence", nullValue())
                .body("text", nullValue())
                .body("meta.tag.code", hasItem("SUBSETTED"));
    }

    @Test
    void elementsOnAStoredResourceReadAndVreadKeepOnlyThose() {
        String observation = "/fhir/Observation/" + PATIENT + "-fever";
        asEhr().queryParam("_elements", "valueQuantity").when().get(observation).then().statusCode(200)
                .body("valueQuantity.value", equalTo(39.2f))
                .body("code", nullValue())
                .body("meta.tag.code", hasItem("SUBSETTED"));
        asEhr().queryParam("_elements", "value").when().get(observation + "/_history/1").then().statusCode(200)
                .body("valueQuantity.value", equalTo(39.2f))
                .body("effectiveDateTime", nullValue());
    }

    @Test
    void summaryDataLeavesOutTheNarrativeAndSummaryTrueTheEvidence() {
        as(Results.READER).queryParam("_summary", "data").when().get(condition).then().statusCode(200)
                .body("text", nullValue())
                .body("evidence", notNullValue());
        as(Results.READER).queryParam("_summary", "true").when().get(condition).then().statusCode(200)
                .body("code", notNullValue())
                .body("evidence", nullValue());
    }

    @Test
    void aShapeTheReadCannotHonourIsRefusedNamingTheParameter() {
        as(Results.READER).queryParam("_elements", "valueQuanity").when().get(condition).then().statusCode(400)
                .body("issue[0].details.coding[0].code", equalTo("TG-FHIR-010"))
                .body("issue[0].expression[0]", equalTo("_elements"));
        asEhr().queryParam("_elements", "valueQuanity").when().get("/fhir/Observation/" + PATIENT + "-fever")
                .then().statusCode(400)
                .body("issue[0].details.coding[0].code", equalTo("TG-FHIR-010"));
        as(Results.READER).queryParam("_summary", "count").when().get(condition).then().statusCode(400)
                .body("issue[0].details.coding[0].code", equalTo("TG-FHIR-011"));
        as(Results.READER).queryParam("_pretty", "yes").when().get(condition).then().statusCode(400)
                .body("issue[0].details.coding[0].code", equalTo("TG-FHIR-012"));
        as(Results.READER).queryParam("_elements", "code").queryParam("_elements", "subject").when().get(condition)
                .then().statusCode(400).body("issue[0].details.coding[0].code", equalTo("TG-FHIR-013"));
        as(Results.READER).queryParam("_format", "xml").when().get(condition).then().statusCode(406);
    }

    @Test
    void aCallerWithoutTheReadScopeIsRefusedBeforeTheShapeIsLookedAt() {
        as("system/Observation.c").queryParam("_elements", "valueQuanity").when()
                .get("/fhir/Observation/" + PATIENT + "-fever").then().statusCode(403);
    }
}
