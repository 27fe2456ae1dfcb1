package org.toxgrade.ingest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.toxgrade.support.Api.asEhr;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Conditional entries in batch and transaction Bundles (FHIR R4 http.html#trules: request.ifMatch,
 * request.ifNoneExist, a conditional update URL), each answered as its single request would be; in a
 * transaction, references to a conditional create that found its resource point at that resource.
 */
@QuarkusTest
class ConditionalBundleEntriesTest {

    private static final String SYSTEM = "urn:oid:2.16.840.1.113883.3.9999.1";

    private static String fixture(String name) throws IOException {
        return Files.readString(Path.of("src/test/resources/fixtures/conditional/" + name));
    }

    private static JsonPath post(String bundle) {
        return asEhr().contentType("application/fhir+json").body(bundle).when().post("/fhir").then().statusCode(200)
                .extract().jsonPath();
    }

    private static String observation(String identifier, String id) throws IOException {
        String json = fixture("temperature-with-identifier.json").replace("IDENTIFIER", identifier);
        return id == null ? json : json.replaceFirst("\\{", "{\"id\": \"" + id + "\",");
    }

    @Test
    void eachConditionalEntryOfABatchIsAnsweredAsItsSingleRequestWouldBe() throws IOException {
        asEhr().contentType("application/fhir+json").body(observation("cbe-im", "cbe-if-match"))
                .when().put("/fhir/Observation/cbe-if-match").then().statusCode(201);
        String bundle = fixture("batch-conditional-entries.json");

        JsonPath first = post(bundle);
        // ifMatch names version 7 of a resource at version 1: 412, and nothing stored.
        assertEquals("412", first.getString("entry[0].response.status").substring(0, 3));
        assertEquals("TG-INGEST-061", first.getString("entry[0].response.outcome.issue[0].details.coding[0].code"));
        // The conditional update finds nothing and creates; the conditional create finds nothing and creates.
        assertEquals("201 Created", first.getString("entry[1].response.status"));
        assertEquals("201 Created", first.getString("entry[2].response.status"));
        // The misspelt element is stored in the raw copy and named in a warning of that entry.
        assertEquals("201 Created", first.getString("entry[3].response.status"));
        assertEquals("TG-INGEST-071", first.getString("entry[3].response.outcome.issue[0].details.coding[0].code"));
        assertEquals("warning", first.getString("entry[3].response.outcome.issue[0].severity"));
        assertEquals("Bundle.entry[3].resource.interpretaton",
                first.getString("entry[3].response.outcome.issue[0].expression[0]"));
        asEhr().when().get("/fhir/Observation/cbe-if-match").then().statusCode(200).header("ETag", "W/\"1\"")
                .body("valueQuantity.value", equalTo(37.1f));

        JsonPath second = post(bundle.replace("W/\\\"7\\\"", "W/\\\"1\\\""));
        assertEquals("200 OK", second.getString("entry[0].response.status"));
        assertEquals("Observation/cbe-if-match/_history/2", second.getString("entry[0].response.location"));
        // Same identifier: the conditional update updates the one it created (unchanged content: same version),
        // the conditional create answers the one it created.
        assertEquals(first.getString("entry[1].response.location"), second.getString("entry[1].response.location"));
        assertEquals("200 OK", second.getString("entry[2].response.status"));
        assertEquals(first.getString("entry[2].response.location"), second.getString("entry[2].response.location"));

        JsonPath third = post(bundle.replace("\"value\": 38.6", "\"value\": 39.1"));
        String created = first.getString("entry[1].response.location").replace("/_history/1", "");
        assertEquals(created + "/_history/2", third.getString("entry[1].response.location"));
        asEhr().when().get("/fhir/" + created).then().statusCode(200).body("valueQuantity.value", equalTo(39.1f));
    }

    @Test
    void aConditionalCreateInATransactionThatFindsItsPatientMakesTheReferencesPointThere() throws IOException {
        String bundle = fixture("transaction-patient-if-none-exist.json").replace("MRN", "cbe-mrn-1");
        JsonPath first = post(bundle.replace("OBSERVATION", "cbe-tx-1"));
        assertEquals("201 Created", first.getString("entry[0].response.status"));
        String patient = first.getString("entry[0].response.location").replaceAll("/_history/.*", "");

        JsonPath second = post(bundle.replace("OBSERVATION", "cbe-tx-2"));
        assertEquals("200 OK", second.getString("entry[0].response.status"));
        assertEquals(patient, second.getString("entry[0].response.location").replaceAll("/_history/.*", ""));
        asEhr().when().get("/fhir/Observation/cbe-tx-2").then().statusCode(200)
                .body("subject.reference", equalTo(patient));
        asEhr().when().get("/fhir/Observation/cbe-tx-1").then().statusCode(200)
                .body("subject.reference", equalTo(patient));
    }

    @Test
    void twoConditionalEntriesOnOneIdentifierRefuseTheTransaction() throws IOException {
        asEhr().contentType("application/fhir+json").body(fixture("transaction-same-identifier-twice.json"))
                .when().post("/fhir").then().statusCode(400)
                .body("issue[0].details.coding[0].code", equalTo("TG-INGEST-023"))
                .body("issue[0].expression[0]", equalTo("Bundle.entry[1]"));
        // Nothing was stored: the same conditional create on its own still creates.
        String single = fixture("transaction-patient-if-none-exist.json").replace("MRN", "cbe-mrn-2")
                .replace("OBSERVATION", "cbe-tx-3");
        assertEquals("201 Created", post(single).getString("entry[0].response.status"));
    }

    @Test
    void conditionsInTheWrongPlaceOrOnManyResourcesAreRefusedPerEntry() throws IOException {
        asEhr().contentType("application/fhir+json").body(observation("cbe-twin", "cbe-twin-a"))
                .when().put("/fhir/Observation/cbe-twin-a").then().statusCode(201);
        asEhr().contentType("application/fhir+json").body(observation("cbe-twin", "cbe-twin-b"))
                .when().put("/fhir/Observation/cbe-twin-b").then().statusCode(201);
        JsonPath answer = post(fixture("batch-misplaced-conditions.json"));
        assertEquals("400", answer.getString("entry[0].response.status").substring(0, 3));
        assertEquals("TG-INGEST-066", answer.getString("entry[0].response.outcome.issue[0].details.coding[0].code"));
        assertEquals("Bundle.entry[0].request.ifMatch",
                answer.getString("entry[0].response.outcome.issue[0].expression[0]"));
        assertEquals("TG-INGEST-066", answer.getString("entry[1].response.outcome.issue[0].details.coding[0].code"));
        assertEquals("TG-INGEST-062", answer.getString("entry[2].response.outcome.issue[0].details.coding[0].code"));
        assertEquals("412", answer.getString("entry[3].response.status").substring(0, 3));
        assertEquals("multiple-matches", answer.getString("entry[3].response.outcome.issue[0].code"));
        asEhr().when().get("/fhir/Observation/cbe-misplaced").then().statusCode(404);
    }

    @Test
    void aTransactionWhoseConditionalEntryFails412StoresNothing() throws IOException {
        asEhr().contentType("application/fhir+json").body(observation("cbe-tx-im", "cbe-tx-im"))
                .when().put("/fhir/Observation/cbe-tx-im").then().statusCode(201);
        String transaction = fixture("transaction-patient-if-none-exist.json").replace("MRN", "cbe-mrn-3")
                .replace("OBSERVATION", "cbe-tx-im")
                .replace("\"url\": \"Observation/cbe-tx-im\"}",
                        "\"url\": \"Observation/cbe-tx-im\", \"ifMatch\": \"W/\\\"5\\\"\"}");
        asEhr().contentType("application/fhir+json").body(transaction).when().post("/fhir").then()
                .statusCode(412).body("issue[0].details.coding[0].code", equalTo("TG-INGEST-061"));
        asEhr().when().get("/fhir/Observation/cbe-tx-im").then().statusCode(200).header("ETag", "W/\"1\"")
                .body("effectiveDateTime", startsWith("2025-03-04T08"));
    }
}
