package org.toxgrade.publish;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;

/** Test-side handle on the simulated EHR: its FHIR API as any client sees it, and its fault controls. */
final class Sim {

    private Sim() {
    }

    static String fhirBase() {
        return ConfigProvider.getConfig().getValue("toxgrade.ehr.base-url", String.class);
    }

    static String root() {
        return fhirBase().substring(0, fhirBase().length() - "/fhir".length());
    }

    static void control(String action, Map<String, ?> params) {
        given().baseUri(root()).queryParams(params).when().post("/_sim/" + action).then().statusCode(204);
    }

    static void reset() {
        control("reset", Map.of());
    }

    /** The EHR's current resources with this business identifier. */
    static List<Map<String, Object>> byIdentifier(String type, String value) {
        return given().baseUri(fhirBase())
                .queryParam("identifier", "http://toxgrade.org/fhir/sid/derived-result|" + value)
                .header("Cache-Control", "no-cache") // the test looks at the EHR as it is, past its search cache
                .when().get("/" + type).then().statusCode(200).extract().jsonPath().getList("entry.resource");
    }

    static JsonPath only(String type, String value) {
        List<Map<String, Object>> found = byIdentifier(type, value);
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " " + type + " with identifier " + value);
        }
        String id = (String) found.get(0).get("id");
        return given().baseUri(fhirBase()).when().get("/" + type + "/" + id).then().statusCode(200).extract()
                .jsonPath();
    }

    /** Provenances on the EHR that target {@code type/id}. */
    static long provenancesFor(String type, String id) {
        List<Map<String, Object>> all = given().baseUri(root()).queryParam("type", "Provenance").when()
                .get("/_sim/resources").then().statusCode(200).extract().jsonPath().getList("$");
        // Exactly that resource: Condition/1 must not count the Provenances of Condition/10.
        Pattern target = Pattern.compile(
                Pattern.quote(type + "/" + id) + "(?![A-Za-z0-9.-])");
        return all.stream().filter(p -> target.matcher(String.valueOf(p.get("target"))).find()).count();
    }

    static List<String> requests() {
        return given().baseUri(root()).when().get("/_sim/requests").then().statusCode(200).extract().jsonPath()
                .getList("$");
    }
}
