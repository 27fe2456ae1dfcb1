package org.toxgrade.audit;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.toxgrade.support.Api.as;
import static org.toxgrade.support.Api.asClient;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.toxgrade.support.Fixtures;

/** Every write received and every read served is in the audit trail, with who, what and when. */
@QuarkusTest
class AuditTrailTest {

    @Test
    void writesAndReadsAreRecordedPerClientAndOperatorsCanQueryThem() {
        String body = Fixtures.read("ingest/valid/observation-ice-put.json").replace("ice-day5", "audited-ice");
        asClient("audit-ehr", "system/Observation.cru").contentType("application/fhir+json").body(body)
                .when().put("/fhir/Observation/audited-ice").then().statusCode(201);
        asClient("audit-ehr", "system/Observation.cru").when().get("/fhir/Observation/audited-ice")
                .then().statusCode(200);
        asClient("audit-ehr", "system/Observation.cru").when().get("/fhir/Observation/audited-ice/_history/1")
                .then().statusCode(200);

        as("system/AuditEvent.rs").queryParam("agent", "audit-ehr").queryParam("_since", "2020-01-01T00:00:00Z")
                .when().get("/fhir/AuditEvent")
                .then().statusCode(200)
                .body("resourceType", equalTo("Bundle"))
                .body("type", equalTo("searchset"))
                .body("entry", hasSize(3))
                // newest first
                .body("entry[0].resource.subtype[0].code", equalTo("vread"))
                .body("entry[0].resource.action", equalTo("R"))
                .body("entry[1].resource.subtype[0].code", equalTo("read"))
                .body("entry[2].resource.subtype[0].code", equalTo("update"))
                .body("entry[2].resource.action", equalTo("U"))
                .body("entry[2].resource.outcome", equalTo("0"))
                .body("entry.resource.entity[0].what.reference", hasItem("Observation/audited-ice/_history/1"))
                .body("entry[0].resource.agent[0].who.identifier.value", equalTo("audit-ehr"));
    }

    @Test
    void eachEntryOfABatchIsAuditedAndARefusedWriteIsNot() {
        asClient("audit-batch", "system/Observation.u").contentType("application/fhir+json")
                .body(Fixtures.read("ingest/invalid/batch-with-bad-entries.json").replace("batch-good-temp",
                        "audit-batch-temp"))
                .when().post("/fhir").then().statusCode(200);
        as("system/AuditEvent.s").queryParam("agent", "audit-batch").when().get("/fhir/AuditEvent")
                .then().statusCode(200)
                .body("entry", hasSize(1))
                .body("entry[0].resource.subtype[0].code", equalTo("batch"))
                .body("entry[0].resource.entity[0].what.reference", equalTo("Observation/audit-batch-temp/_history/1"));
    }

    @Test
    void theTrailNeedsItsOwnScope() {
        as("system/Observation.cruds").when().get("/fhir/AuditEvent").then().statusCode(403);
    }

    @Test
    void aMalformedSinceIs400() {
        as("system/AuditEvent.rs").queryParam("_since", "yesterday").when().get("/fhir/AuditEvent")
                .then().statusCode(400).body("issue[0].expression[0]", equalTo("_since"));
    }

    @Test
    void anUnknownOrUnreadableParameterOfTheAuditSearchIsA400() {
        as("system/AuditEvent.rs").when().get("/fhir/AuditEvent?agnt=some-client").then().statusCode(400)
                .body("issue[0].expression[0]", equalTo("agnt"))
                .body("issue[0].details.coding[0].code", equalTo("TG-AUDIT-002"));
        as("system/AuditEvent.rs").when().get("/fhir/AuditEvent?_count=many").then().statusCode(400)
                .body("issue[0].expression[0]", equalTo("_count"));
    }

    @Test
    void aSearchIsRecordedWithItsPatientsAndItsQueryWithIdentifierValuesHashed() {
        asClient("audit-cds", "system/Condition.rs").queryParam("patient", "audited-pt-1,audited-pt-2")
                .queryParam("identifier", "http://toxgrade.org/fhir/sid/derived-result|mrn-4711-secret")
                .when().get("/fhir/Condition").then().statusCode(200);

        var event = as("system/AuditEvent.rs").queryParam("agent", "audit-cds").when().get("/fhir/AuditEvent")
                .then().statusCode(200)
                .body("entry[0].resource.subtype[0].code", equalTo("search-type"))
                .body("entry[0].resource.action", equalTo("E"))
                .body("entry[0].resource.entity.what.reference", hasItem("Patient/audited-pt-1"))
                .body("entry[0].resource.entity.what.reference", hasItem("Patient/audited-pt-2"))
                .body("entry[0].resource.entity.role.code", hasItem("24"))
                .extract().jsonPath();
        String encoded = event.getString("entry[0].resource.entity.find { it.role.code == '24' }.query");
        String query = new String(java.util.Base64.getDecoder().decode(encoded),
                java.nio.charset.StandardCharsets.UTF_8);
        org.junit.jupiter.api.Assertions.assertTrue(query.contains("patient=audited-pt-1,audited-pt-2"), query);
        org.junit.jupiter.api.Assertions.assertTrue(
                query.contains("identifier=http://toxgrade.org/fhir/sid/derived-result|#"), query);
        org.junit.jupiter.api.Assertions.assertFalse(query.contains("mrn-4711-secret"), query);
    }
}
