package org.toxgrade.ingest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.toxgrade.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reads check what they are given as writes do: an id that is not a FHIR id is refused with a 400
 * OperationOutcome on every read of a resource by id and every search by patient, before it reaches
 * the database.
 */
@QuarkusTest
class ReadValidationTest {

    private static final String EVERY_SCOPE = "system/*.cruds toxgrade/operator toxgrade/grade";

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
