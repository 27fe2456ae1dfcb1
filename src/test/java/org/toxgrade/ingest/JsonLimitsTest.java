package org.toxgrade.ingest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.toxgrade.support.Api.as;
import static org.toxgrade.support.Api.asEhr;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.toxgrade.support.Fixtures;
import org.toxgrade.support.HostileJson;

/**
 * Bodies over the JSON limits of README "Limits" are refused before anything parses them, each with
 * its own code, located by line and column, and nothing of them is stored. The sizes that made the
 * parser fail without a location (1,001 levels, 1,001 digits, 50,001-character names) are those
 * reported; the others sit one past the service's own limit.
 */
@QuarkusTest
class JsonLimitsTest {

    private static final String FHIR_JSON = "application/fhir+json";
    private static final String TEMPERATURE = Fixtures.read("ingest/valid/observation-temperature.json");
    // The test profile lowers toxgrade.ingest.max-string-length to this.
    private static final int TEST_MAX_STRING = 65_536;

    private static String temperature(String id) {
        return HostileJson.withId(TEMPERATURE, id);
    }

    @Test
    void jsonNestedDeeperThanTheParserCanTellIsRefusedAs400WithItsCode() {
        refusedAndNotStored("limits-depth-1001", HostileJson.nestedTo(temperature("limits-depth-1001"), 1001),
                "TG-INGEST-014");
    }

    @Test
    void jsonNestedOneLevelDeeperThanTheLimitIsRefused() {
        refusedAndNotStored("limits-depth-101", HostileJson.nestedTo(temperature("limits-depth-101"), 101),
                "TG-INGEST-014");
    }

    @Test
    void jsonNestedExactlyToTheLimitIsAccepted() {
        asEhr().contentType(FHIR_JSON).body(HostileJson.nestedTo(temperature("limits-depth-100"), 100))
                .when().put("/fhir/Observation/limits-depth-100")
                .then().statusCode(201);
    }

    @Test
    void aNumberOfMoreThanAThousandDigitsIsRefusedAs400WithItsCode() {
        refusedAndNotStored("limits-number-1001", HostileJson.withNumberOf(temperature("limits-number-1001"), 1001),
                "TG-INGEST-016");
    }

    @Test
    void aNumberOneCharacterLongerThanTheLimitIsRefused() {
        refusedAndNotStored("limits-number-65", HostileJson.withNumberOf(temperature("limits-number-65"), 65),
                "TG-INGEST-016");
    }

    @Test
    void aNumberWhoseExponentWouldWriteItOutInABillionDigitsIsRefused() {
        // Short as sent; HAPI writes decimals out in full, and this one exhausted the heap.
        refusedAndNotStored("hostile-huge-exponent",
                Fixtures.read("ingest/hostile/observation-value-huge-exponent.json"),
                "TG-INGEST-016");
    }

    @Test
    void aPropertyNameOfMoreThanFiftyThousandCharactersIsRefusedAs400WithItsCode() {
        refusedAndNotStored("limits-name-50001",
                HostileJson.withPropertyNameOf(temperature("limits-name-50001"), 50_001), "TG-INGEST-017");
    }

    @Test
    void aPropertyNameOneCharacterLongerThanTheLimitIsRefused() {
        refusedAndNotStored("limits-name-257", HostileJson.withPropertyNameOf(temperature("limits-name-257"), 257),
                "TG-INGEST-017");
    }

    @Test
    void aStringOneCharacterLongerThanTheLimitIsRefused() {
        refusedAndNotStored("limits-string",
                HostileJson.withStringOf(temperature("limits-string"), TEST_MAX_STRING + 1), "TG-INGEST-015");
    }

    @Test
    void aBatchWithOneEntryOverALimitIsRefusedAsAWholeAndStoresNothing() {
        String deepEntry = HostileJson.nestedTo(temperature("limits-batch-deep"), 200);
        String bundle = "{\"resourceType\":\"Bundle\",\"type\":\"batch\",\"entry\":["
                + "{\"resource\":" + temperature("limits-batch-good")
                + ",\"request\":{\"method\":\"PUT\",\"url\":\"Observation/limits-batch-good\"}},"
                + "{\"resource\":" + deepEntry
                + ",\"request\":{\"method\":\"PUT\",\"url\":\"Observation/limits-batch-deep\"}}]}";
        asEhr().contentType(FHIR_JSON).body(bundle).when().post("/fhir")
                .then().statusCode(400)
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].code", equalTo("too-long"))
                .body("issue[0].diagnostics", startsWith("TG-INGEST-014"));
        asEhr().when().get("/fhir/Observation/limits-batch-good").then().statusCode(404);
        asEhr().when().get("/fhir/Observation/limits-batch-deep").then().statusCode(404);
    }

    @Test
    void gradeRefusesJsonOverTheLimitsTheSameWay() {
        String bundle = "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":"
                + HostileJson.nestedTo(temperature("limits-grade"), 1001) + "}]}";
        as("toxgrade/grade").urlEncodingEnabled(false).contentType(FHIR_JSON).body(bundle)
                .when().post("/fhir/$grade")
                .then().statusCode(400)
                .body("issue[0].code", equalTo("too-long"))
                .body("issue[0].diagnostics", startsWith("TG-INGEST-014"));
    }

    @Test
    void theDiagnosticsSayWhereTheBodyWentOverTheLimit() {
        String body = HostileJson.withNumberOf(temperature("limits-where"), 1001);
        asEhr().contentType(FHIR_JSON).body(body).when().put("/fhir/Observation/limits-where")
                .then().statusCode(400)
                .body("issue[0].diagnostics", startsWith("TG-INGEST-016"))
                .body("issue[0].diagnostics", containsString("(line 1, column"));
    }

    @Test
    void aBodyThatIsNotUtf8IsRefusedInsteadOfStoredWithReplacementCharacters() {
        byte[] valid = HostileJson.withStringOf(temperature("limits-utf8"), 10).getBytes(StandardCharsets.UTF_8);
        byte[] body = valid.clone();
        int text = new String(valid, StandardCharsets.UTF_8).indexOf("xxxxxxxxxx");
        body[text + 3] = (byte) 0xFF; // never valid in UTF-8
        asEhr().contentType(FHIR_JSON + "; charset=UTF-8").body(body).when().put("/fhir/Observation/limits-utf8")
                .then().statusCode(400)
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].code", equalTo("structure"))
                .body("issue[0].diagnostics", startsWith("TG-INGEST-019"));
        asEhr().when().get("/fhir/Observation/limits-utf8").then().statusCode(404);
    }

    @Test
    void aBodyInTheCharsetItsContentTypeNamesIsReadInThatCharset() {
        byte[] body = HostileJson.withElement(temperature("limits-latin1"), "\"note\": [{\"text\": \"102\u00b0F\"}]")
                .getBytes(StandardCharsets.ISO_8859_1);
        asEhr().contentType(FHIR_JSON + "; charset=ISO-8859-1").body(body).when().put("/fhir/Observation/limits-latin1")
                .then().statusCode(201);
        asEhr().when().get("/fhir/Observation/limits-latin1").then().statusCode(200)
                .body("note[0].text", equalTo("102\u00b0F"));
    }

    @Test
    void aStringWithAnUnpairedSurrogateIsRefusedInsteadOfStoredAsAQuestionMark() {
        String body = HostileJson.withElement(temperature("limits-surrogate"), "\"note\": [{\"text\": \"a\\udc00b\"}]");
        asEhr().contentType(FHIR_JSON).body(body).when().put("/fhir/Observation/limits-surrogate")
                .then().statusCode(400)
                .body("issue[0].code", equalTo("invalid"))
                .body("issue[0].diagnostics", startsWith("TG-INGEST-018"));
        asEhr().when().get("/fhir/Observation/limits-surrogate").then().statusCode(404);
    }

    private static void refusedAndNotStored(String id, String body, String code) {
        asEhr().contentType(FHIR_JSON).body(body).when().put("/fhir/Observation/" + id)
                .then().statusCode(400)
                .contentType(startsWith(FHIR_JSON))
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].severity", equalTo("error"))
                .body("issue[0].code", equalTo("too-long"))
                .body("issue[0].diagnostics", startsWith(code));
        asEhr().when().get("/fhir/Observation/" + id).then().statusCode(404);
    }
}
