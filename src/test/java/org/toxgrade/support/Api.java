package org.toxgrade.support;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

/** REST Assured requests as an authenticated client. */
public final class Api {

    private Api() {
    }

    /** An EHR integration with every clinical scope. */
    public static RequestSpecification asEhr() {
        return as(Tokens.ALL_CLINICAL);
    }

    public static RequestSpecification asClient(String client, String scopes) {
        return given().auth().oauth2(Tokens.withScopes(scopes, client));
    }

    public static RequestSpecification as(String scopes) {
        return given().auth().oauth2(Tokens.withScopes(scopes));
    }
}
