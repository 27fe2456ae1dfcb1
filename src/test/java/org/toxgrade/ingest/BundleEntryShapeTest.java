package org.toxgrade.ingest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.toxgrade.support.Api.as;
import static org.toxgrade.support.Api.asEhr;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.toxgrade.support.Fixtures;

/**
 * A Bundle whose entries are not shaped as FHIR JSON says (an entry that is not an object, a
 * resource that is a string, an array or a number) is not a Bundle the service can read: it is
 * refused as a whole with a 400 naming the entry, and none of its entries is stored, not even
 * the well-formed one beside the bad entry.
 */
@QuarkusTest
class BundleEntryShapeTest {

    private static final String FHIR_JSON = "application/fhir+json";

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "batch-entry-resource-a-string.json, TG-INGEST-033, Bundle.entry[1].resource, shape-good-string",
            "batch-entry-resource-an-array.json, TG-INGEST-033, Bundle.entry[1].resource, shape-good-array",
            "transaction-entry-resource-a-number.json, TG-INGEST-033, Bundle.entry[1].resource, shape-good-number",
            "batch-entry-not-an-object.json, TG-INGEST-034, Bundle.entry[1], shape-good-entry-number",
            "batch-entry-an-object.json, TG-INGEST-034, Bundle.entry, shape-good-entry-object"})
    void aBundleWithAnEntryOfTheWrongJsonTypeIsRefusedAndStoresNothing(String fixture, String code,
            String expression, String goodId) {
        asEhr().contentType(FHIR_JSON).body(Fixtures.read("ingest/hostile/" + fixture))
                .when().post("/fhir")
                .then().statusCode(400)
                .contentType(startsWith(FHIR_JSON))
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].code", equalTo("structure"))
                .body("issue[0].diagnostics", startsWith(code))
                .body("issue[0].expression[0]", equalTo(expression));
        asEhr().when().get("/fhir/Observation/" + goodId).then().statusCode(404);
    }

    @Test
    void aBundleContainedInAResourceWithAnEntryResourceThatIsAStringIsRefusedAs400() {
        asEhr().contentType(FHIR_JSON)
                .body(Fixtures.read("ingest/hostile/observation-contained-bundle-entry-resource-a-string.json"))
                .when().put("/fhir/Observation/hostile-contained-bundle")
                .then().statusCode(400)
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].code", equalTo("structure"))
                .body("issue[0].diagnostics", startsWith("TG-FHIR-001"));
        asEhr().when().get("/fhir/Observation/hostile-contained-bundle").then().statusCode(404);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "grade-entry-resource-a-string.json, TG-INGEST-033, Bundle.entry[0].resource",
            "batch-entry-an-object.json, TG-INGEST-034, Bundle.entry"})
    void gradeRefusesTheSameShapes(String fixture, String code, String expression) {
        as("toxgrade/grade").urlEncodingEnabled(false).contentType(FHIR_JSON)
                .body(Fixtures.read("ingest/hostile/" + fixture))
                .when().post("/fhir/$grade")
                .then().statusCode(400)
                .body("issue[0].diagnostics", startsWith(code))
                .body("issue[0].expression[0]", equalTo(expression));
    }
}
