package org.toxgrade.ingest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.toxgrade.support.Api.asEhr;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.toxgrade.support.Fixtures;

@QuarkusTest
class BundleIngestTest {

    private static final String FHIR_JSON = "application/fhir+json";

    @Test
    void batchAnswersOneResponseEntryPerRequestEntryInOrder() {
        asEhr().contentType(FHIR_JSON).body(Fixtures.read("ingest/valid/batch-pres-day0.json"))
                .when().post("/fhir")
                .then().statusCode(200)
                .contentType(startsWith(FHIR_JSON))
                .body("resourceType", equalTo("Bundle"))
                .body("type", equalTo("batch-response"))
                .body("entry", hasSize(4))
                .body("entry[0].response.location", equalTo("Patient/demo-case/_history/1"))
                .body("entry[1].response.location", equalTo("MedicationAdministration/cart-infusion/_history/1"))
                .body("entry[2].response.status", startsWith("20"))
                .body("entry[3].response.etag", equalTo("W/\"1\""));

        asEhr().when().get("/fhir/Observation/temp-day0-evening").then().statusCode(200)
                .body("valueQuantity.value", equalTo(102));

        // The same batch again (a sender retry) stores nothing new.
        asEhr().contentType(FHIR_JSON).body(Fixtures.read("ingest/valid/batch-pres-day0.json"))
                .when().post("/fhir")
                .then().statusCode(200)
                .body("entry.response.status", Matchers.everyItem(startsWith("200")))
                .body("entry.response.etag", Matchers.everyItem(equalTo("W/\"1\"")));
    }

    @Test
    void batchStoresTheGoodEntriesAndExplainsEachRefusedOne() {
        Response response = asEhr().contentType(FHIR_JSON)
                .body(Fixtures.read("ingest/invalid/batch-with-bad-entries.json"))
                .when().post("/fhir")
                .then().statusCode(200)
                .body("type", equalTo("batch-response"))
                .body("entry", hasSize(5))
                .body("entry[0].response.status", equalTo("201 Created"))
                .body("entry[1].response.status", startsWith("422"))
                .body("entry[1].response.outcome.issue[0].code", equalTo("not-supported"))
                .body("entry[2].response.status", startsWith("400"))
                .body("entry[2].response.outcome.issue[0].diagnostics", startsWith("TG-INGEST-009"))
                .body("entry[3].response.status", startsWith("405"))
                .body("entry[4].response.status", equalTo("201 Created"))
                .body("entry[4].response.location", matchesPattern("Observation/[0-9a-f-]{36}/_history/1"))
                .extract().response();

        asEhr().when().get("/fhir/Observation/batch-good-temp").then().statusCode(200);
        asEhr().when().get("/fhir/Observation/batch-other-id").then().statusCode(404);
        asEhr().when().get("/fhir/" + response.path("entry[4].response.location").toString().replace("/_history/1", ""))
                .then().statusCode(200).body("code.coding[0].code", equalTo("8867-4"));
    }

    @Test
    void transactionResolvesReferencesBetweenItsEntries() {
        Response response = asEhr().contentType(FHIR_JSON)
                .body(Fixtures.read("ingest/valid/transaction-with-uuid-references.json"))
                .when().post("/fhir")
                .then().statusCode(200)
                .body("type", equalTo("transaction-response"))
                .body("entry", hasSize(2))
                .body("entry.response.status", Matchers.everyItem(equalTo("201 Created")))
                .extract().response();

        String patient = response.path("entry[0].response.location").toString().replace("/_history/1", "");
        String observation = response.path("entry[1].response.location").toString().replace("/_history/1", "");
        asEhr().when().get("/fhir/" + observation).then().statusCode(200)
                .body("subject.reference", equalTo(patient));
    }

    @Test
    void transactionWithOneRefusedEntryStoresNothing() {
        asEhr().contentType(FHIR_JSON).body(Fixtures.read("ingest/invalid/transaction-with-condition.json"))
                .when().post("/fhir")
                .then().statusCode(422)
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].code", equalTo("not-supported"))
                .body("issue[0].diagnostics", startsWith("TG-INGEST-029"));

        asEhr().when().get("/fhir/Observation/tx-refused-temp").then().statusCode(404);
    }

    @Test
    void transactionThatFailsInTheDatabaseRollsBackEveryEntry() {
        // The first entry is new; the second reuses a sender version with other content (409 in the store).
        String first = Fixtures.read("ingest/valid/observation-ice-put.json").replace("ice-day5", "tx-rollback-ice")
                .replace("\"status\": \"final\"", "\"meta\": {\"versionId\": \"7\"}, \"status\": \"final\"");
        asEhr().contentType(FHIR_JSON).body(first).when().put("/fhir/Observation/tx-rollback-ice").then()
                .statusCode(201);

        String transaction = """
                {"resourceType": "Bundle", "type": "transaction", "entry": [
                  {"resource": {"resourceType": "Observation", "id": "tx-rollback-new", "status": "final",
                     "code": {"coding": [{"system": "http://loinc.org", "code": "8310-5"}]},
                     "subject": {"reference": "Patient/demo-case"}, "effectiveDateTime": "2025-03-09T06:00:00Z",
                     "valueQuantity": {"value": 38.2, "unit": "C", "system": "http://unitsofmeasure.org", "code": "Cel"}},
                   "request": {"method": "PUT", "url": "Observation/tx-rollback-new"}},
                  {"resource": %s, "request": {"method": "PUT", "url": "Observation/tx-rollback-ice"}}
                ]}"""
                .formatted(first.replace("\"valueInteger\": 10", "\"valueInteger\": 2"));
        asEhr().contentType(FHIR_JSON).body(transaction).when().post("/fhir")
                .then().statusCode(409).body("issue[0].code", equalTo("conflict"));

        asEhr().when().get("/fhir/Observation/tx-rollback-new").then().statusCode(404);
        asEhr().when().get("/fhir/Observation/tx-rollback-ice").then().statusCode(200).body("valueInteger",
                equalTo(10));
    }

    @Test
    void aBundleOfAnotherTypeIsRefused() {
        asEhr().contentType(FHIR_JSON).body(Fixtures.read("ingest/invalid/bundle-collection.json"))
                .when().post("/fhir")
                .then().statusCode(422)
                .body("issue[0].expression[0]", equalTo("Bundle.type"));
    }
}
