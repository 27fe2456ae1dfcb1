package org.toxgrade.conformance;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SMART discovery is open and says where and how to get a token, and which scopes mean something here. */
@QuarkusTest
class SmartDiscoveryTest {

    @ParameterizedTest
    @ValueSource(strings = {"/.well-known/smart-configuration", "/fhir/.well-known/smart-configuration"})
    void servedWithoutATokenFromConfiguration(String path) {
        given().when().get(path).then().statusCode(200)
                .contentType(startsWith("application/json"))
                .body("token_endpoint", equalTo("https://auth.hospital.example/oauth2/token"))
                .body("issuer", equalTo("https://auth.hospital.example"))
                .body("grant_types_supported", containsInAnyOrder("client_credentials"))
                .body("token_endpoint_auth_methods_supported", containsInAnyOrder("private_key_jwt"))
                .body("token_endpoint_auth_signing_alg_values_supported", containsInAnyOrder("RS384", "ES384"))
                .body("capabilities", hasItems("client-confidential-asymmetric", "permission-v2"))
                .body("authorization_endpoint", equalTo("https://auth.hospital.example/oauth2/authorize"))
                .body("code_challenge_methods_supported", containsInAnyOrder("S256"))
                .body("scopes_supported", hasItems("system/Observation.cru", "system/Condition.rs",
                        "system/Flag.rs", "system/AuditEvent.s", "toxgrade/grade", "toxgrade/operator",
                        "user/Condition.rs", "user/Flag.rs"))
                .body("scopes_supported", not(hasItem(startsWith("user/Observation.c"))));
    }
}
