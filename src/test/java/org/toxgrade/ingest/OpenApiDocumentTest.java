package org.toxgrade.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.toxgrade.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The OpenAPI document lists each operation once. */
@QuarkusTest
class OpenApiDocumentTest {

    @Test
    void gradeIsListedOnceUnderItsFhirName() {
        Map<String, Object> paths = as("toxgrade/operator").queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        List<String> grade = paths.keySet().stream().filter(p -> p.contains("grade")).toList();
        assertEquals(List.of("/fhir/$grade"), grade);
    }
}
