package org.toxgrade.support;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** The local sign-in driven over HTTP as the page drives it: authorize form, code, token with PKCE. */
public final class LocalSignIn {

    public static final String USER = "clinician";
    public static final String PASSWORD = "test-password";
    public static final String CLIENT = "toxgrade-app";
    public static final String VERIFIER = "dBjftJeZ4CVP-mJ92K9hNPMvWfXQG2a1kZ3bLm9qQeA";

    private LocalSignIn() {
    }

    public static String redirectUri() {
        return "http://localhost:" + RestAssured.port + "/app/";
    }

    public static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Posts the sign-in form; answers the 303 (or the refusal). */
    public static Response signIn(String scope, String launch, String password) {
        var form = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("response_type", "code").formParam("client_id", CLIENT)
                .formParam("redirect_uri", redirectUri()).formParam("scope", scope).formParam("state", "s-1")
                .formParam("code_challenge", challenge(VERIFIER)).formParam("code_challenge_method", "S256")
                .formParam("username", USER).formParam("password", password);
        if (launch != null) {
            form.formParam("launch", launch);
        }
        return form.when().post("/auth/authorize");
    }

    /** The code of a successful sign-in's redirect. */
    public static String code(Response redirect) {
        String query = URI.create(redirect.header("Location")).getQuery();
        for (String part : query.split("&")) {
            if (part.startsWith("code=")) {
                return part.substring(5);
            }
        }
        throw new AssertionError("no code in " + redirect.header("Location"));
    }

    public static Response token(String code, String verifier) {
        return given().contentType("application/x-www-form-urlencoded").formParam("grant_type", "authorization_code")
                .formParam("code", code).formParam("redirect_uri", redirectUri()).formParam("client_id", CLIENT)
                .formParam("code_verifier", verifier).when().post("/auth/token");
    }

    /** A user token as the page gets it. */
    public static String userToken(String scope) {
        return token(code(signIn(scope, null, PASSWORD)), VERIFIER).then().statusCode(200).extract()
                .path("access_token");
    }
}
