package org.toxgrade.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/**
 * With {@code toxgrade.auth.api-docs-open} (on in dev mode) Swagger UI and the OpenAPI document answer
 * without a token; clinical data still needs one.
 */
@QuarkusTest
@TestProfile(ApiDocsOpenProfile.class)
class ApiDocsInDevModeTest {

    @Test
    void swaggerUiAndTheDocumentAnswerWithoutAToken() {
        given().when().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger-ui"))
                .header("Content-Security-Policy", containsString("script-src 'self' 'unsafe-inline'"));
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("info.title", equalTo("ToxGrade FHIR API"));
    }

    @Test
    void clinicalDataStillNeedsAToken() {
        given().when().get("/fhir/Condition").then().statusCode(401)
                .header("Content-Security-Policy", equalTo("default-src 'none'; frame-ancestors 'none'"));
        given().when().get("/q/swagger-ui/../../fhir/Condition").then().statusCode(401);
    }
}
