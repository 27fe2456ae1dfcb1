package org.toxgrade.publish;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.toxgrade.support.Api;

/** The operator endpoints need a token (401) with the operator scope (403); clinical scopes are not enough. */
@QuarkusTest
class OperatorEndpointsTest {

    @ParameterizedTest
    @CsvSource({"GET,/ops/outbox", "GET,/ops/outbox/rows", "GET,/ops/outbox/rows/1", "POST,/ops/outbox/dead/redrive",
            "POST,/ops/outbox/dead/1/redrive", "POST,/ops/outbox/dispatch"})
    void needTheOperatorScope(String method, String path) {
        given().when().request(method, path).then().statusCode(401);
        Api.as("system/*.cruds toxgrade/grade").when().request(method, path).then().statusCode(403)
                .body("issue[0].diagnostics", Matchers.containsString("toxgrade/operator"));
        Api.as(Changes.OPERATOR).when().request(method, path).then()
                .statusCode(Matchers.not(Matchers.isOneOf(401, 403)));
    }

    @ParameterizedTest
    @CsvSource({"bogus", "SENT"})
    void anUnknownStateIs400(String state) {
        Api.as(Changes.OPERATOR).queryParam("state", state).when().get("/ops/outbox/rows").then().statusCode(400)
                .body("issue[0].diagnostics", Matchers.startsWith("TG-OUTBOX-061"));
    }
}
