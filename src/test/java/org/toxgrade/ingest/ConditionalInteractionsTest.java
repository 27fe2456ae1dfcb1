package org.toxgrade.ingest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.toxgrade.support.Api.asEhr;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** FHIR conditional interactions on the written types: If-Match, If-None-Exist, If-None-Match, PUT Type?identifier. */
@QuarkusTest
class ConditionalInteractionsTest {

    private static final String SYSTEM = "urn:oid:2.16.840.1.113883.3.9999.1";

    private static String observation(String identifier, String id, double celsius) throws IOException {
        String json = Files
                .readString(Path.of("src/test/resources/fixtures/conditional/temperature-with-identifier.json"))
                .replace("IDENTIFIER", identifier).replace("37.1", Double.toString(celsius));
        return id == null ? json : json.replaceFirst("\\{", "{\"id\": \"" + id + "\",");
    }

    private static Response put(String id, String body, String ifMatch) {
        var request = asEhr().contentType("application/fhir+json").body(body);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.when().put("/fhir/Observation/" + id);
    }

    @Test
    void ifMatchOnAnotherVersionIs412AndStoresNothing() throws IOException {
        put("cond-if-match", observation("im-1", "cond-if-match", 37.1), null).then().statusCode(201);
        put("cond-if-match", observation("im-1", "cond-if-match", 38.4), "W/\"7\"").then().statusCode(412)
                .body("issue[0].code", equalTo("conflict"))
                .body("issue[0].diagnostics", containsString("TG-INGEST-061"));
        asEhr().when().get("/fhir/Observation/cond-if-match").then().statusCode(200)
                .header("ETag", "W/\"1\"").body("valueQuantity.value", equalTo(37.1f));
        put("cond-if-match", observation("im-1", "cond-if-match", 38.4), "W/\"1\"").then().statusCode(200)
                .header("ETag", "W/\"2\"");
        put("cond-if-match", observation("im-1", "cond-if-match", 38.5), "seven").then().statusCode(400)
                .body("issue[0].expression[0]", equalTo("If-Match"));
        put("cond-if-match-new", observation("im-2", "cond-if-match-new", 37.0), "W/\"1\"").then().statusCode(412);
        asEhr().when().get("/fhir/Observation/cond-if-match-new").then().statusCode(404);
    }

    @Test
    void ifNoneExistAnswersTheResourceThereInsteadOfADuplicate() throws IOException {
        String condition = "identifier=" + SYSTEM + "|ine-1";
        String first = asEhr().contentType("application/fhir+json").header("If-None-Exist", condition)
                .body(observation("ine-1", null, 37.2)).when().post("/fhir/Observation")
                .then().statusCode(201).extract().header("Location");
        String second = asEhr().contentType("application/fhir+json").header("If-None-Exist", condition)
                .body(observation("ine-1", null, 37.2)).when().post("/fhir/Observation")
                .then().statusCode(200).body("resourceType", equalTo("OperationOutcome"))
                .extract().header("Location");
        assertEquals(first, second);
        asEhr().contentType("application/fhir+json").header("If-None-Exist", "code=8310-5")
                .body(observation("ine-1", null, 37.2)).when().post("/fhir/Observation")
                .then().statusCode(400).body("issue[0].diagnostics", containsString("TG-INGEST-062"));
    }

    @Test
    void ifNoneExistMatchingSeveralIs412() throws IOException {
        put("cond-twin-a", observation("twin", "cond-twin-a", 37.0), null).then().statusCode(201);
        put("cond-twin-b", observation("twin", "cond-twin-b", 37.0), null).then().statusCode(201);
        asEhr().contentType("application/fhir+json").header("If-None-Exist", "identifier=" + SYSTEM + "|twin")
                .body(observation("twin", null, 37.0)).when().post("/fhir/Observation")
                .then().statusCode(412).body("issue[0].code", equalTo("multiple-matches"));
        asEhr().contentType("application/fhir+json").body(observation("twin", null, 37.0))
                .when().put("/fhir/Observation?identifier=" + SYSTEM + "|twin").then().statusCode(412);
    }

    @Test
    void ifNoneMatchOnTheCurrentVersionIs304() throws IOException {
        put("cond-inm", observation("inm-1", "cond-inm", 37.3), null).then().statusCode(201);
        asEhr().header("If-None-Match", "W/\"1\"").when().get("/fhir/Observation/cond-inm").then().statusCode(304)
                .header("ETag", "W/\"1\"");
        asEhr().header("If-None-Match", "W/\"0\"").when().get("/fhir/Observation/cond-inm").then().statusCode(200);
    }

    @Test
    void conditionalUpdateCreatesThenUpdatesTheResourceThatCarriesTheIdentifier() throws IOException {
        String url = "/fhir/Observation?identifier=" + SYSTEM + "|cu-1";
        String created = asEhr().contentType("application/fhir+json").body(observation("cu-1", null, 37.4))
                .when().put(url).then().statusCode(201).extract().header("Location");
        String updated = asEhr().contentType("application/fhir+json").body(observation("cu-1", null, 38.6))
                .when().put(url).then().statusCode(200).extract().header("Location");
        assertEquals(created.replace("/_history/1", ""), updated.replace("/_history/2", ""));
        assertNotEquals(created, updated);
        asEhr().contentType("application/fhir+json").body(observation("cu-1", "some-other-id", 38.6))
                .when().put(url).then().statusCode(400).body("issue[0].diagnostics", containsString("TG-INGEST-065"));
        asEhr().contentType("application/fhir+json").body(observation("cu-1", null, 38.6))
                .when().put("/fhir/Observation?code=8310-5").then().statusCode(400);
    }
}
