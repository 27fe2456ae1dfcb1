package org.toxgrade.results;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.toxgrade.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.toxgrade.support.FeverPatients;
import org.toxgrade.support.Results;

/** Searching Conditions: every parameter narrows or is refused, and pages are complete and stable. */
@QuarkusTest
class ResultSearchTest {

    private static final List<String> PATIENTS = List.of("srch-a", "srch-b", "srch-c", "srch-d", "srch-e");
    private static final String ALL = String.join(",", PATIENTS);
    private static final String CRS = "http://toxgrade.org/fhir/CodeSystem/toxgrade-condition|crs";
    private static boolean sent;

    @BeforeEach
    void sendFivePatientsOnce() {
        if (!sent) {
            FeverPatients.send(PATIENTS, 5);
            sent = true;
        }
    }

    private static JsonPath search(String query) {
        return as(Results.READER).when().get("/fhir/Condition?" + query).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void anUnknownParameterIsA400NamingItEvenWhenLenient() {
        as(Results.READER).when().get("/fhir/Condition?subjct=Patient/srch-a").then().statusCode(400)
                .body("issue[0].code", equalTo("not-supported"))
                .body("issue[0].expression[0]", equalTo("subjct"))
                .body("issue[0].details.coding[0].system", equalTo("http://toxgrade.org/fhir/CodeSystem/error-code"))
                .body("issue[0].details.coding[0].code", equalTo("TG-SEARCH-002"))
                .body("issue[0].diagnostics", containsString("subjct"));
        as(Results.READER).header("Prefer", "handling=lenient").when().get("/fhir/Flag?patient=srch-a&verified=yes")
                .then().statusCode(400).body("issue[0].expression[0]", equalTo("verified"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "code:text=fever; code:text",
            "patient.identifier=x; patient.identifier",
            "_count=abc; _count",
            "_count=-1; _count",
            "_count=2&_count=3; _count",
            "_sort=code; _sort",
            "_summary=text; _summary",
            "_total=maybe; _total",
            "_elements=codes; _elements",
            "_page=bm90LWEtY3Vyc29y; _page",
            "onset-date=yesterday; onset-date",
            "onset-date=ne2025-03-03; onset-date",
            "onset-date=2025-03-03,; onset-date",
            "onset-date=2025-03-03,ap2025-03-04; onset-date",
            "_lastUpdated=ge2025-03-03T10:00:00; _lastUpdated",
            "subject=Group/g1; subject",
            "code=; code",
            "clinical-status=http://example.org|active; clinical-status"})
    void aValueOrParameterItCannotReadIsA400AtThatParameter(String query, String parameter) {
        as(Results.READER).when().get("/fhir/Condition?" + query).then().statusCode(400)
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].expression[0]", equalTo(parameter));
    }

    @Test
    void subjectAndPatientNarrowToThatPatient() {
        JsonPath bySubject = search("subject=Patient/srch-a");
        assertEquals(1, bySubject.getInt("total"));
        assertEquals(List.of("Patient/srch-a"), bySubject.getList("entry.resource.subject.reference"));
        assertEquals(bySubject.getList("entry.resource.id"), search("patient=srch-a").getList("entry.resource.id"));
        assertEquals(0, search("patient=nobody-at-all").getInt("total"));
    }

    @Test
    void codeCategoryIdentifierAndIdMatchWhatTheResourceSays() {
        String id = search("patient=srch-b").getString("entry[0].resource.id");
        assertEquals(1, search("patient=srch-b&code=" + CRS).getInt("total"));
        assertEquals(1, search("patient=srch-b&code=crs").getInt("total"));
        assertEquals(1, search("patient=srch-b&code=http://hl7.org/fhir/sid/icd-10-cm|").getInt("total"));
        assertEquals(1, search("patient=srch-b&code=http://hl7.org/fhir/sid/icd-10-cm|D89.831").getInt("total"));
        assertEquals(0, search("patient=srch-b&code=|crs").getInt("total"));
        assertEquals(0, search("patient=srch-b&code=http://toxgrade.org/fhir/CodeSystem/toxgrade-condition|icans")
                .getInt("total"));
        assertEquals(1, search("patient=srch-b&code=icans,crs").getInt("total"));
        assertEquals(1, search("patient=srch-b&category=http://terminology.hl7.org/CodeSystem/condition-category"
                + "|encounter-diagnosis").getInt("total"));
        assertEquals(0, search("patient=srch-b&category=problem-list-item").getInt("total"));
        assertEquals(1, search("identifier=http://toxgrade.org/fhir/sid/derived-result|" + id).getInt("total"));
        assertEquals(0, search("identifier=http://example.org/other|" + id).getInt("total"));
        assertEquals(List.of(id), search("_id=" + id).getList("entry.resource.id"));
        assertEquals(0, search("_id=" + id + "&patient=srch-a").getInt("total"));
    }

    @Test
    void onsetDateComparesWithTheRangeOfTheDate() {
        assertEquals(1, search("patient=srch-c&onset-date=2025-03-03").getInt("total"));
        assertEquals(1, search("patient=srch-c&onset-date=2025-03").getInt("total"));
        assertEquals(1, search("patient=srch-c&onset-date=ge2025-03-03T20:00:00Z").getInt("total"));
        assertEquals(0, search("patient=srch-c&onset-date=gt2025-03-03").getInt("total"));
        assertEquals(0, search("patient=srch-c&onset-date=lt2025-03-03").getInt("total"));
        assertEquals(1, search("patient=srch-c&onset-date=le2025-03-03").getInt("total"));
        assertEquals(0, search("patient=srch-c&onset-date=2025-03-04").getInt("total"));
    }

    @Test
    void commaSeparatedDatesMatchAnyOfThem() {
        assertEquals(1, search("patient=srch-c&onset-date=2025-03-04,2025-03-03").getInt("total"));
        assertEquals(1, search("patient=srch-c&onset-date=lt2025-01-01,ge2025-03-03T20:00:00Z").getInt("total"));
        assertEquals(0, search("patient=srch-c&onset-date=2025-03-04,2025-03-05").getInt("total"));
        // Two parameters are "and", the commas inside one are "or".
        assertEquals(0, search("patient=srch-c&onset-date=2025-03-03,2025-03-04&onset-date=2025-03-04")
                .getInt("total"));
    }

    @Test
    void pagesFollowTheirLinksToTheEndAndBack() {
        JsonPath first = search("patient=" + ALL + "&_count=2");
        assertEquals(5, first.getInt("total"));
        assertEquals(2, first.getList("entry").size());
        assertEquals(null, link(first, "previous"));
        List<String> ids = new ArrayList<>(first.getList("entry.resource.id"));
        JsonPath page = first;
        List<JsonPath> pages = new ArrayList<>(List.of(first));
        while (link(page, "next") != null) {
            page = as(Results.READER).urlEncodingEnabled(false).when().get(link(page, "next")).then().statusCode(200)
                    .extract().jsonPath();
            assertEquals(5, page.getInt("total"));
            ids.addAll(page.getList("entry.resource.id"));
            pages.add(page);
        }
        assertEquals(3, pages.size());
        assertEquals(5, ids.size());
        assertEquals(5, ids.stream().distinct().count(), ids::toString);
        JsonPath back = as(Results.READER).urlEncodingEnabled(false).when().get(link(page, "previous")).then()
                .statusCode(200).extract()
                .jsonPath();
        assertEquals(pages.get(1).getList("entry.resource.id"), back.getList("entry.resource.id"));
        assertTrue(link(first, "self").contains("_count=2"));
    }

    @Test
    void sortByLastUpdatedOldestFirstIsTheReverseOfTheDefault() {
        List<String> newestFirst = search("patient=" + ALL).getList("entry.resource.meta.lastUpdated");
        List<String> oldestFirst = search("patient=" + ALL + "&_sort=_lastUpdated")
                .getList("entry.resource.meta.lastUpdated");
        List<String> reversed = new ArrayList<>(oldestFirst);
        java.util.Collections.reverse(reversed);
        assertEquals(newestFirst, reversed);
    }

    @Test
    void countZeroAndSummaryCountAnswerTheTotalOnly() {
        for (String query : List.of("_count=0", "_summary=count")) {
            as(Results.READER).when().get("/fhir/Condition?patient=" + ALL + "&" + query).then().statusCode(200)
                    .body("total", equalTo(5))
                    .body("entry", nullValue());
        }
        as(Results.READER).when().get("/fhir/Condition?patient=" + ALL + "&_total=none").then().statusCode(200)
                .body("total", nullValue())
                .body("entry", hasSize(5));
    }

    @Test
    void elementsReturnsASubsetMarkedSubsetted() {
        as(Results.READER).when().get("/fhir/Condition?patient=srch-d&_elements=code,subject").then().statusCode(200)
                .body("entry[0].resource.code.coding.code", hasItem("crs"))
                .body("entry[0].resource.subject.reference", equalTo("Patient/srch-d"))
                .body("entry[0].resource.evidence", nullValue())
                .body("entry[0].resource.meta.tag.code", hasItem("SUBSETTED"))
                .body("entry.fullUrl", everyItem(not(nullValue())));
    }

    private static String link(JsonPath bundle, String relation) {
        return bundle.getString("link.find { it.relation == '" + relation + "' }.url");
    }
}
