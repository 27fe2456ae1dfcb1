package org.toxgrade.fhir.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.toxgrade.support.Api.asEhr;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A lost database connection anywhere among a failure's causes (not only the first: behind a failed
 * rollback, in a suppressed exception, deep down) is a 503 with Retry-After, so the sender retries.
 */
@QuarkusTest
class StorageFailureMappingTest {

    // A failure the mapper cannot place must not leave the test waiting for an answer.
    private static final RestAssuredConfig TEN_SECONDS = RestAssuredConfig.config().httpClient(
            HttpClientConfig.httpClientConfig().setParam("http.socket.timeout", 10_000));

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"lost-behind-a-failed-rollback", "lost-in-a-suppressed-exception",
            "lost-twelve-causes-deep"})
    void aLostConnectionAmongTheCausesIs503WithRetryAfter(String shape) {
        asEhr().config(TEN_SECONDS).when().get("/test/failures/" + shape)
                .then().statusCode(503)
                .header("Retry-After", notNullValue())
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].code", equalTo("transient"))
                .body("issue[0].diagnostics", startsWith("TG-DB-503"));
    }

    @Test
    void aConnectionTheDatabaseEndsMidRequestIs503() {
        asEhr().config(TEN_SECONDS).when().get("/test/failures/terminated-backend")
                .then().statusCode(503)
                .header("Retry-After", notNullValue())
                .body("issue[0].diagnostics", startsWith("TG-DB-503"));
    }
}
