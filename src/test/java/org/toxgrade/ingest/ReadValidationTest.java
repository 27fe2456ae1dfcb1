package org.toxgrade.ingest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.toxgrade.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reads check what they are given as writes do: a control character (a NUL, {@code %00}) anywhere in
 * the path or a search value is refused with a 400 OperationOutcome before it reaches the database,
 * on every endpoint, and an id that is not a FHIR id is refused on every read of a resource by id.
 */
@QuarkusTest
class ReadValidationTest {

    private static final String FHIR_JSON = "application/fhir+json";
    private static final String EVERY_SCOPE = "system/*.cruds toxgrade/operator toxgrade/grade";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "/fhir/Observation/nul%00id",
            "/fhir/Observation/nul%00id/_history/1",
            "/fhir/Patient/nul%00id",
            "/fhir/Condition/nul%00id",
            "/fhir/Flag/nul%00id",
            "/fhir/Condition?patient=nul%00id",
            "/fhir/Flag?patient=Patient/nul%00id",
            "/fhir/Condition?status=act%00ive",
            "/fhir/Flag?status=%00",
            "/fhir/AuditEvent?agent=test%00ehr",
            "/api/patients/nul%00id/timeline",
            "/ops/patients/nul%00id/facts",
            "/ops/outbox/rows?state=de%00ad"})
    void aNulInAReadIsRefusedAs400(String url) {
        as(EVERY_SCOPE).urlEncodingEnabled(false).when().get(url)
                .then().statusCode(400)
                .contentType(startsWith(FHIR_JSON))
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].code", equalTo("invalid"))
                .body("issue[0].diagnostics", startsWith("TG-HTTP-002"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "/fhir/Observation/x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x, id",
            "/fhir/Observation/not_an_id/_history/1, id",
            "/fhir/Condition/not_an_id, id",
            "/fhir/Flag/not an id, id",
            "/fhir/Condition?patient=not_an_id, patient",
            "/fhir/Flag?patient=Patient/not_an_id, patient",
            "/api/patients/not_an_id/timeline, id"})
    void aReadOfAnIdThatIsNotAFhirIdIsRefusedAs400(String url, String expression) {
        as(EVERY_SCOPE).when().get(url)
                .then().statusCode(400)
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].diagnostics", startsWith("TG-INGEST-007"))
                .body("issue[0].expression[0]", equalTo(expression));
    }
}
