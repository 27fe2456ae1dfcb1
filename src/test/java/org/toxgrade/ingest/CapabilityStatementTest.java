package org.toxgrade.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CapabilityStatementTest {

    @Test
    void metadataDescribesAnR4JsonServerThatTakesBundlesAndTheContractTypes() {
        given().accept("application/fhir+json")
                .when().get("/fhir/metadata")
                .then().statusCode(200)
                .contentType(startsWith("application/fhir+json"))
                .body("resourceType", equalTo("CapabilityStatement"))
                .body("fhirVersion", equalTo("4.0.1"))
                .body("format", hasItems("application/fhir+json"))
                .body("rest[0].interaction.code", containsInAnyOrder("transaction", "batch"))
                .body("rest[0].resource.type",
                        containsInAnyOrder("Observation", "MedicationAdministration", "Procedure", "Patient",
                                "AuditEvent"))
                .body("rest[0].resource.find { it.type == 'AuditEvent' }.interaction.code",
                        containsInAnyOrder("search-type"))
                .body("rest[0].security.service[0].coding[0].code", equalTo("SMART-on-FHIR"))
                .body("rest[0].resource.find { it.type == 'Observation' }.interaction.code",
                        containsInAnyOrder("create", "update", "read", "vread"))
                .body("rest[0].resource.find { it.type == 'Observation' }.conditionalCreate", equalTo(false));
    }
}
