package org.toxgrade.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.toxgrade.support.Api.as;
import static org.toxgrade.support.Management.management;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.toxgrade.support.Api;
import org.toxgrade.support.Fixtures;
import org.toxgrade.support.Tokens;

/** Nobody gets past health and metadata without a valid bearer token. */
@QuarkusTest
class AuthenticationTest {

    private static final String OBSERVATION = Fixtures.read("ingest/valid/observation-temperature.json");

    @ParameterizedTest
    @ValueSource(strings = {"/fhir/Observation/any", "/fhir/MedicationAdministration/any", "/q/metrics", "/q/openapi"})
    void everyEndpointButHealthAndMetadataNeedsAToken(String path) {
        given().when().get(path).then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .contentType(startsWith("application/fhir+json"))
                .body("issue[0].code", equalTo("login"))
                .body("issue[0].diagnostics", startsWith("TG-AUTH-020"));
    }

    @Test
    void aWriteWithoutATokenIsRefusedAndNothingIsStored() {
        given().contentType("application/fhir+json")
                .body(OBSERVATION.replace("\"status\"", "\"id\": \"no-token\", \"status\""))
                .when().put("/fhir/Observation/no-token")
                .then().statusCode(401);
        asEhr().when().get("/fhir/Observation/no-token").then().statusCode(404);
    }

    @Test
    void metadataIsOpenAndHealthAnswersOnTheManagementPort() {
        given().when().get("/fhir/metadata").then().statusCode(200);
        management().when().get("/q/health/live").then().statusCode(200);
        management().when().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void metricsAreNotServedToClinicalCallersEvenWithEveryScope() {
        // The clinical port has no metrics at all: they are for the scraper on the management port,
        // which the network policy closes to everything but the monitoring namespace.
        asEhr().when().get("/q/metrics").then().statusCode(404);
        as("patient/*.read").when().get("/q/metrics").then().statusCode(404);
        management().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("toxgrade_"));
    }

    @Test
    void anExpiredTokenIs401() {
        withToken(Tokens.expired()).when().get("/fhir/Observation/any").then().statusCode(401)
                .header("WWW-Authenticate", containsString("invalid_token"))
                .body("issue[0].diagnostics", startsWith("TG-AUTH-021"));
    }

    @Test
    void aTokenSignedByAnUntrustedKeyIs401() {
        withToken(Tokens.signedByAnotherKey()).when().get("/fhir/Observation/any").then().statusCode(401);
    }

    @Test
    void aTokenForAnotherAudienceIs401() {
        withToken(Tokens.forAudience("some-other-service")).when().get("/fhir/Observation/any").then().statusCode(401);
    }

    @Test
    void aTokenFromAnotherIssuerIs401() {
        withToken(Tokens.fromIssuer("https://idp.elsewhere.example")).when().get("/fhir/Observation/any")
                .then().statusCode(401);
    }

    @Test
    void garbageAndOtherSchemesAre401() {
        withToken("not.a.jwt").when().get("/fhir/Observation/any").then().statusCode(401);
        given().header("Authorization", "Basic dXNlcjpwYXNz").when().get("/fhir/Observation/any").then()
                .statusCode(401);
        // An unsigned token ("alg": "none") must never pass.
        String none = "eyJhbGciOiJub25lIn0.eyJpc3MiOiJ1cm46dG94Z3JhZGU6bG9jYWwiLCJhdWQiOiJ0b3hncmFkZSIsInNjb3BlIjoic3lzdGVtLyouY3J1ZHMifQ.";
        withToken(none).when().get("/fhir/Observation/any").then().statusCode(401);
    }

    @Test
    void aValidTokenGetsThrough() {
        asEhr().when().get("/fhir/Observation/never-sent").then().statusCode(404);
    }

    @Test
    void answersCarrySecurityHeaders() {
        for (var response : new Response[]{
                given().when().get("/fhir/metadata"),
                given().when().get("/fhir/Observation/any")}) {
            response.then()
                    .header("X-Content-Type-Options", "nosniff")
                    .header("X-Frame-Options", "DENY")
                    .header("Cache-Control", "no-store")
                    .header("Content-Security-Policy", startsWith("default-src 'none'"))
                    .header("Referrer-Policy", "no-referrer");
        }
    }

    private static RequestSpecification withToken(String token) {
        return given().header("Authorization", "Bearer " + token);
    }

    private static RequestSpecification asEhr() {
        return Api.asEhr();
    }
}
