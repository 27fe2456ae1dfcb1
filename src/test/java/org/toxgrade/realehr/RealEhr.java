package org.toxgrade.realehr;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** REST calls to the HAPI FHIR test EHR, as the hospital's other systems and its clinicians make them. */
final class RealEhr {

    private static volatile String base;

    private RealEhr() {
    }

    static void use(String fhirBase) {
        base = fhirBase;
    }

    static RequestSpecification request() {
        return given().baseUri(base).accept("application/fhir+json");
    }

    /** A transaction Bundle as the EHR's own applications record it. */
    static void transaction(String bundle) {
        request().contentType("application/fhir+json").body(bundle).when().post("/").then().statusCode(200);
    }

    /** Every match of a search, through all pages, past HAPI's search cache. */
    static List<Map<String, Object>> search(String type, Map<String, ?> parameters) {
        List<Map<String, Object>> found = new ArrayList<>();
        JsonPath page = request().header("Cache-Control", "no-cache").queryParams(parameters).when()
                .get("/" + type).then().statusCode(200).extract().jsonPath();
        while (true) {
            List<Map<String, Object>> resources = page.getList("entry.resource");
            if (resources != null) {
                found.addAll(resources);
            }
            String next = page.getString("link.find { it.relation == 'next' }.url");
            if (next == null) {
                return found;
            }
            page = given().accept("application/fhir+json").when().get(next).then().statusCode(200).extract()
                    .jsonPath();
        }
    }

    /** {@code PUT [type]/[id]} as the EHR's own applications write; created or updated. */
    static void put(String type, String id, String body) {
        request().contentType("application/fhir+json").body(body).when().put("/" + type + "/" + id).then()
                .statusCode(anyOf(is(200), is(201)));
    }

    static JsonPath read(String type, String id) {
        return request().when().get("/" + type + "/" + id).then().statusCode(200).extract().jsonPath();
    }

    static String readRaw(String type, String id) {
        return request().when().get("/" + type + "/" + id).then().statusCode(200).extract().asString();
    }

    /** {@code [type]/$validate} of the resource on the EHR: its errors and fatal issues, as text. */
    static List<String> validationErrors(String type, String resource) {
        JsonPath outcome = request().contentType("application/fhir+json").body(resource).when()
                .post("/" + type + "/$validate").then().extract().jsonPath();
        List<String> errors = new ArrayList<>();
        List<Map<String, Object>> issues = outcome.getList("issue");
        for (Map<String, Object> issue : issues == null ? List.<Map<String, Object>>of() : issues) {
            Object severity = issue.get("severity");
            if ("error".equals(severity) || "fatal".equals(severity)) {
                errors.add(issue.get("diagnostics") + " at " + issue.get("location"));
            }
        }
        return errors;
    }
}
