package org.toxgrade.ingest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.toxgrade.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.toxgrade.support.Fixtures;
import org.toxgrade.support.SeedCases;

/** {@code $grade}: stateless grading of a posted Bundle. */
@QuarkusTest
class GradeOperationTest {

    private static final String BUNDLE = SeedCases.asCollection(SeedCases.days("pres").subList(0, 3));
    private static final String ICANS = "entry.find { it.resource.resourceType == 'Condition' "
            + "&& it.resource.code.coding.any { c -> c.code == 'icans' } }.resource";

    @Test
    void answersACollectionOfConditionsFlagsAndProvenanceWhetherOrNotTheDollarIsEncoded() {
        for (boolean encode : List.of(true, false)) {
            as("toxgrade/grade").urlEncodingEnabled(encode).contentType("application/fhir+json").body(BUNDLE)
                    .queryParam("asOf", "2026-03-08T00:00:00Z")
                    .when().post("/fhir/$grade")
                    .then().statusCode(200)
                    .body("type", equalTo("collection"))
                    .body("entry.resource.resourceType", hasItems("Condition", "Provenance"))
                    .body("entry.find { it.resource.resourceType == 'Condition' }.resource.stage[0].summary.coding[0].code",
                            equalTo("grade-3"));
        }
    }

    @Test
    void nothingIsStored() {
        as("toxgrade/grade").urlEncodingEnabled(false).contentType("application/fhir+json")
                .body(BUNDLE.replace("pres-", "grade-only-"))
                .when().post("/fhir/$grade").then().statusCode(200);
        as("system/*.rs").queryParam("patient", "grade-only-case").when().get("/fhir/Condition")
                .then().statusCode(200).body("total", equalTo(0));
        as("system/*.rs").when().get("/fhir/Patient/grade-only-case").then().statusCode(404);
    }

    @Test
    void needsTheGradeScope() {
        as("system/*.cruds").urlEncodingEnabled(false).contentType("application/fhir+json").body(BUNDLE)
                .when().post("/fhir/$grade").then().statusCode(403);
    }

    @Test
    void aResourceThatCannotBecomeFactsIs422NamingTheEntry() {
        String bad = BUNDLE.replace("\"value\":102", "\"value\":250");
        as("toxgrade/grade").urlEncodingEnabled(false).contentType("application/fhir+json").body(bad)
                .when().post("/fhir/$grade").then().statusCode(422)
                .body("issue[0].diagnostics", startsWith("TG-FACT-020"))
                .body("issue[0].expression[0]", startsWith("Bundle.entry["));
    }

    @Test
    void anAdultStatedDevelopmentallyUnableAMonthBeforeTheInfusionIsGradedByTheCapd() {
        // The statement lies before the episode's baseline window: it holds from its time on, so the
        // CAPD of 12 grades ICANS 3 and the ICE of 10 charted with it is not used.
        as("toxgrade/grade").urlEncodingEnabled(false).contentType("application/fhir+json")
                .body(Fixtures.read("ingest/valid/grade-developmentally-unable-adult.json"))
                .queryParam("asOf", "2025-03-10T00:00:00Z")
                .when().post("/fhir/$grade")
                .then().statusCode(200)
                .body(ICANS + ".stage[0].summary.coding[0].code", equalTo("grade-3"))
                .body(ICANS + ".evidence.detail.flatten().reference", hasItem("Observation/grade-dev-capd"))
                .body(ICANS + ".evidence.detail.flatten().reference", not(hasItem("Observation/grade-dev-ice")));
    }

    @Test
    void anIceSentForAChildIsNotUsedAndWarnedAboutInTheOneOperationOutcomeWithTheUnknownCodes() {
        JsonPath answer = as("toxgrade/grade").urlEncodingEnabled(false).contentType("application/fhir+json")
                .body(Fixtures.read("ingest/valid/grade-child-with-ice.json"))
                .queryParam("asOf", "2025-03-10T00:00:00Z")
                .when().post("/fhir/$grade")
                .then().statusCode(200)
                .body("entry.findAll { it.resource.resourceType == 'OperationOutcome' }", hasSize(1))
                // The 6-year-old is graded by the CAPD of 10, not by the ICE of 6.
                .body(ICANS + ".stage[0].summary.coding[0].code", equalTo("grade-3"))
                .body(ICANS + ".evidence.detail.flatten().reference", hasItem("Observation/grade-child-capd"))
                .body(ICANS + ".evidence.detail.flatten().reference", not(hasItem("Observation/grade-child-ice")))
                .extract().jsonPath();
        List<Map<String, Object>> issues = answer
                .getList("entry.find { it.resource.resourceType == 'OperationOutcome' }.resource.issue");
        assertEquals(2, issues.size(), issues.toString());
        assertTrue(((String) issues.get(0).get("diagnostics")).startsWith("TG-INGEST-101"), issues.toString());
        Map<String, Object> ice = issues.get(1);
        assertEquals(List.of("warning", "business-rule", List.of("Bundle.entry[4].resource")),
                List.of(ice.get("severity"), ice.get("code"), ice.get("expression")));
        String diagnostics = (String) ice.get("diagnostics");
        assertTrue(diagnostics.startsWith("TG-GRADE-101: ") && diagnostics.contains("below age 12")
                && diagnostics.contains("send a CAPD"), diagnostics);
        for (String senderValue : List.of("grade-child", "2018", "6")) {
            assertFalse(diagnostics.contains(senderValue), diagnostics);
        }
    }

    @Test
    void anAdultsIceIsUsedAndNotWarnedAbout() {
        String adult = Fixtures.read("ingest/valid/grade-child-with-ice.json").replace("2018-05-01", "1980-05-01");
        JsonPath answer = as("toxgrade/grade").urlEncodingEnabled(false).contentType("application/fhir+json")
                .body(adult).queryParam("asOf", "2025-03-10T00:00:00Z")
                .when().post("/fhir/$grade")
                .then().statusCode(200)
                .body(ICANS + ".evidence.detail.flatten().reference", hasItem("Observation/grade-child-ice"))
                .extract().jsonPath();
        List<String> diagnostics = answer.getList(
                "entry.find { it.resource.resourceType == 'OperationOutcome' }.resource.issue.diagnostics");
        assertEquals(1, diagnostics.size(), diagnostics.toString());
        assertTrue(diagnostics.get(0).startsWith("TG-INGEST-101"), diagnostics.toString());
    }

    @Test
    void aMalformedAsOfIs400() {
        as("toxgrade/grade").urlEncodingEnabled(false).contentType("application/fhir+json").body(BUNDLE)
                .queryParam("asOf", "soon").when().post("/fhir/$grade").then().statusCode(400);
    }
}
