package org.toxgrade.signin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.toxgrade.support.LocalSignIn.CLIENT;
import static org.toxgrade.support.LocalSignIn.PASSWORD;
import static org.toxgrade.support.LocalSignIn.VERIFIER;
import static org.toxgrade.support.LocalSignIn.challenge;
import static org.toxgrade.support.LocalSignIn.code;
import static org.toxgrade.support.LocalSignIn.redirectUri;
import static org.toxgrade.support.LocalSignIn.signIn;
import static org.toxgrade.support.LocalSignIn.token;
import static org.toxgrade.support.LocalSignIn.userToken;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.toxgrade.support.Fixtures;

/**
 * The local sign-in of embedded runs as a SMART App Launch client uses it (authorization code, PKCE S256), and
 * what the token it hands out lets a clinician do: read results, never write.
 */
@QuarkusTest
class LocalSignInTest {

    private static final String SCOPE = "launch/patient user/Condition.rs user/Flag.rs";

    @Test
    void theAuthorizeEndpointShowsTheSignInFormWithoutAToken() {
        given().queryParam("response_type", "code").queryParam("client_id", CLIENT)
                .queryParam("redirect_uri", redirectUri()).queryParam("scope", SCOPE).queryParam("state", "x")
                .queryParam("code_challenge", challenge(VERIFIER)).queryParam("code_challenge_method", "S256")
                .when().get("/auth/authorize").then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("name=\"password\""))
                .header("Content-Security-Policy", containsString("form-action 'self'"))
                .header("Content-Security-Policy", not(containsString("unsafe")));
    }

    @Test
    void signingInRedirectsToThePageWithACodeThatBuysAUserTokenOnce() {
        Response redirect = signIn(SCOPE, null, PASSWORD);
        redirect.then().statusCode(303).header("Location", startsWith(redirectUri() + "?code="))
                .header("Location", containsString("state=s-1"));
        String code = code(redirect);
        token(code, VERIFIER).then().statusCode(200).body("token_type", equalTo("Bearer"))
                .body("scope", equalTo(SCOPE)).body("expires_in", equalTo(3600));
        token(code, VERIFIER).then().statusCode(400).body("issue[0].diagnostics", containsString("TG-SIGNIN-021"));
    }

    @Test
    void aWrongVerifierIsRefused() {
        String code = code(signIn(SCOPE, null, PASSWORD));
        token(code, "x".repeat(43)).then().statusCode(400).body("issue[0].diagnostics",
                containsString("TG-SIGNIN-022"));
    }

    @Test
    void aWrongPasswordShowsTheFormAgainWith401() {
        signIn(SCOPE, null, "not-it").then().statusCode(401).body(containsString("user name or password is wrong"));
    }

    @Test
    void requestsOutsideTheLocalClientsRegistrationAreRefused() {
        given().queryParam("response_type", "code").queryParam("client_id", CLIENT)
                .queryParam("redirect_uri", "https://evil.example/app/").queryParam("state", "x")
                .queryParam("code_challenge", challenge(VERIFIER)).queryParam("code_challenge_method", "S256")
                .when().get("/auth/authorize").then().statusCode(400)
                .body("issue[0].diagnostics", containsString("TG-SIGNIN-004"));
        given().queryParam("response_type", "code").queryParam("client_id", CLIENT)
                .queryParam("redirect_uri", redirectUri()).queryParam("state", "x")
                .queryParam("code_challenge", VERIFIER).queryParam("code_challenge_method", "plain")
                .when().get("/auth/authorize").then().statusCode(400)
                .body("issue[0].diagnostics", containsString("TG-SIGNIN-005"));
        given().queryParam("response_type", "code").queryParam("client_id", "someone-else")
                .queryParam("redirect_uri", redirectUri()).queryParam("state", "x")
                .queryParam("code_challenge", challenge(VERIFIER)).queryParam("code_challenge_method", "S256")
                .when().get("/auth/authorize").then().statusCode(400)
                .body("issue[0].diagnostics", containsString("TG-SIGNIN-003"));
    }

    @Test
    void anEhrLaunchPutsThePatientInTheTokenResponse() {
        token(code(signIn("launch " + SCOPE, "pres-case", PASSWORD)), VERIFIER).then().statusCode(200)
                .body("patient", equalTo("pres-case"));
    }

    @Test
    void aSignedInClinicianReadsResultsAndTheWorklistButCannotWrite() {
        String token = userToken(SCOPE);
        given().auth().oauth2(token).when().get("/api/worklist").then().statusCode(200);
        given().auth().oauth2(token).queryParam("patient", "nobody").when().get("/fhir/Condition").then()
                .statusCode(200);
        given().auth().oauth2(token).contentType("application/fhir+json")
                .body(Fixtures.read("ingest/valid/batch-pres-day0.json")).when().post("/fhir").then()
                .statusCode(200).body("entry[0].response.status", startsWith("403"));
        // Scopes the local user may not have are left out of the token.
        given().auth().oauth2(userToken("system/*.cruds user/Condition.rs")).when().get("/api/worklist").then()
                .statusCode(403);
    }
}
