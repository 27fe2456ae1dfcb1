package org.toxgrade.results;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.startsWith;
import static org.toxgrade.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.toxgrade.support.Results;
import org.toxgrade.support.SeedCases;

/** The read API over derived results: search parameters, reads, scopes. */
@QuarkusTest
class ResultsApiTest {

    private static final String PATIENT = "res-case";
    private static boolean sent;

    @BeforeEach
    void sendDays0To8Once() {
        if (!sent) {
            List<String> days = SeedCases.renamed(SeedCases.days("pres"), "pres-", "res-");
            SeedCases.post(days.stream().filter(d -> d.matches("(?s).*\"res-day-00[0-8]\".*")).toList());
            sent = true;
        }
    }

    @Test
    void statusFiltersFlags() {
        int all = statuses(null).size();
        List<String> inactive = statuses("inactive");
        List<String> active = statuses("active");
        Assertions.assertTrue(all > 0);
        Assertions.assertTrue(inactive.stream().allMatch("inactive"::equals), inactive::toString);
        Assertions.assertTrue(active.stream().allMatch("active"::equals), active::toString);
        Assertions.assertEquals(all, inactive.size() + active.size());
    }

    private static List<String> statuses(String status) {
        var request = as(Results.READER).queryParam("patient", PATIENT);
        if (status != null) {
            request = request.queryParam("status", status);
        }
        List<String> found = request.when().get("/fhir/Flag").then().statusCode(200).extract().jsonPath()
                .getList("entry.resource.status");
        return found == null ? List.of() : found;
    }

    @Test
    void clinicalStatusFiltersConditions() {
        as(Results.READER).queryParam("patient", "Patient/" + PATIENT).queryParam("clinical-status", "resolved")
                .when().get("/fhir/Condition").then().statusCode(200)
                .body("total", greaterThan(0))
                .body("entry.resource.clinicalStatus.coding[0].code", everyItem(equalTo("resolved")))
                .body("entry.fullUrl", everyItem(startsWith("http")));
    }

    @Test
    void lastUpdatedBoundsTheSearch() {
        as(Results.READER).queryParam("patient", PATIENT).queryParam("_lastUpdated", "ge2020-01-01T00:00:00Z")
                .when().get("/fhir/Condition").then().statusCode(200).body("total", greaterThan(0));
        as(Results.READER).queryParam("patient", PATIENT).queryParam("_lastUpdated", "gt2099-01-01T00:00:00Z")
                .when().get("/fhir/Condition").then().statusCode(200).body("total", equalTo(0));
        as(Results.READER).queryParam("patient", PATIENT).queryParam("_lastUpdated", "ge2020-01-01T00:00:00Z")
                .queryParam("_lastUpdated", "lt2020-06-01T00:00:00Z")
                .when().get("/fhir/Condition").then().statusCode(200).body("total", equalTo(0));
        as(Results.READER).queryParam("_lastUpdated", "yesterday").when().get("/fhir/Condition")
                .then().statusCode(400).body("issue[0].expression[0]", equalTo("_lastUpdated"));
    }

    @Test
    void conditionsAndFlagsCarryAGeneratedNarrativeAClinicianCanRead() {
        var conditions = as(Results.READER).queryParam("patient", PATIENT).when().get("/fhir/Condition").then()
                .statusCode(200).extract().jsonPath();
        List<String> divs = conditions.getList("entry.resource.text.div");
        Assertions.assertFalse(divs.isEmpty());
        Assertions.assertEquals(List.of("generated"), conditions.getList("entry.resource.text.status").stream()
                .distinct().toList());
        for (int i = 0; i < divs.size(); i++) {
            String div = divs.get(i);
            String grade = conditions.getString("entry[" + i + "].resource.stage[0].summary.coding[0].display");
            Assertions.assertTrue(div.startsWith("<div xmlns=\"http://www.w3.org/1999/xhtml\">"), div);
            Assertions.assertTrue(div.contains("Provisional"), div);
            Assertions.assertTrue(div.contains("ASTCT " + grade.toLowerCase()), div);
            Assertions.assertTrue(div.contains("Onset "), div);
            Assertions.assertTrue(
                    div.contains(conditions.getString("entry[" + i + "].resource.evidence[0].detail[0].reference")),
                    div);
        }
        var flags = as(Results.READER).queryParam("patient", PATIENT).when().get("/fhir/Flag").then()
                .statusCode(200).extract().jsonPath();
        List<String> flagDivs = flags.getList("entry.resource.text.div");
        Assertions.assertFalse(flagDivs.isEmpty());
        for (int i = 0; i < flagDivs.size(); i++) {
            Assertions.assertTrue(
                    flagDivs.get(i).contains(flags.getString("entry[" + i + "].resource.code.coding[0].display")),
                    flagDivs.get(i));
            Assertions.assertTrue(flagDivs.get(i).contains("Since "), flagDivs.get(i));
        }
    }

    @Test
    void flagDateMatchesFlagsWhosePeriodReachesTheRange() {
        int all = statuses(null).size();
        Assertions.assertEquals(all, flagTotal("ge2000-01-01"));
        Assertions.assertEquals(0, flagTotal("lt2000-01-01"));
        Assertions.assertEquals(statuses("active").size(), flagTotal("gt2999-12-31"));
    }

    private static int flagTotal(String date) {
        return as(Results.READER).queryParam("patient", PATIENT).queryParam("date", date).when().get("/fhir/Flag")
                .then().statusCode(200).extract().jsonPath().getInt("total");
    }

    @Test
    void readsByIdWithVersionAndRefusesUnknownIds() {
        String id = as(Results.READER).queryParam("patient", PATIENT).when().get("/fhir/Condition")
                .then().extract().jsonPath().getString("entry[0].resource.id");
        as(Results.READER).when().get("/fhir/Condition/" + id).then().statusCode(200)
                .header("ETag", startsWith("W/"))
                .body("id", equalTo(id))
                .body("identifier[0].value", equalTo(id));
        as(Results.READER).when().get("/fhir/Condition/ep-0000000000000000-crs").then().statusCode(404);
        String etag = as(Results.READER).when().get("/fhir/Condition/" + id).then().extract().header("ETag");
        as(Results.READER).header("If-None-Match", etag).when().get("/fhir/Condition/" + id).then().statusCode(304)
                .header("ETag", etag);
    }

    @Test
    void readingResultsNeedsTheirScopes() {
        as("system/Flag.rs").queryParam("patient", PATIENT).when().get("/fhir/Condition").then().statusCode(403);
        as("system/Condition.rs").queryParam("patient", PATIENT).when().get("/fhir/Flag").then().statusCode(403);
        as("system/Condition.rs").when().get("/api/patients/" + PATIENT + "/timeline").then().statusCode(403);
        as(Results.READER).when().get("/api/patients/nobody-here/timeline").then().statusCode(404);
    }
}
