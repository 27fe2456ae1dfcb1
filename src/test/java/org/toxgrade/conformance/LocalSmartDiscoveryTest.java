package org.toxgrade.conformance;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A local run names no authorization server: SMART discovery then describes the local sign-in, so that a
 * SMART client launched against this service's FHIR base finds where to sign in.
 */
@QuarkusTest
@TestProfile(LocalSmartDiscoveryTest.NoAuthorizationServer.class)
class LocalSmartDiscoveryTest {

    /** No token endpoint configured (an empty value is no value). */
    public static class NoAuthorizationServer implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("toxgrade.smart.token-endpoint", "", "toxgrade.smart.authorization-endpoint", "");
        }
    }

    @Test
    void discoveryNamesTheLocalSignInForAPublicClientWithPkce() {
        given().when().get("/fhir/.well-known/smart-configuration").then().statusCode(200)
                .body("authorization_endpoint", endsWith("/auth/authorize"))
                .body("token_endpoint", endsWith("/auth/token"))
                .body("grant_types_supported", containsInAnyOrder("authorization_code"))
                .body("code_challenge_methods_supported", containsInAnyOrder("S256"))
                .body("capabilities", hasItems("launch-ehr", "launch-standalone", "client-public",
                        "context-ehr-patient"))
                .body("scopes_supported", hasItems("user/Condition.rs", "user/Flag.rs", "launch/patient"));
    }
}
