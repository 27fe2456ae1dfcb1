package org.toxgrade.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every code of authentication and authorization is defined once and formats as it is answered. */
class AuthErrorTest {

    @Test
    void eachCodeIsDefinedOnceInItsSeries() {
        Set<String> codes = new HashSet<>();
        for (AuthError error : AuthError.values()) {
            assertTrue(error.code().matches("TG-AUTH-\\d{3}"), error.code());
            assertTrue(codes.add(error.code()), error.code() + " is defined twice");
        }
    }

    @Test
    void answeredCodesCarryStatusAndIssueTypeOthersNeither() {
        for (AuthError error : AuthError.values()) {
            if (error.status() == 0) {
                assertNull(error.issueType(), error.code());
            } else {
                assertTrue(error.status() >= 200 && error.status() < 600, error.code());
                assertNotNull(error.issueType(), error.code());
            }
        }
    }

    @Test
    void eachWayOfNotBeingAuthenticatedHasItsOwnCode() {
        Set<String> codes = Set.of(AuthError.TOKEN_REQUIRED.code(), AuthError.TOKEN_INVALID.code(),
                AuthError.NOT_AUTHENTICATED.code());
        assertEquals(3, codes.size());
        assertEquals(401, AuthError.TOKEN_INVALID.refuse().status());
        assertEquals("TG-AUTH-403: the token does not grant toxgrade/operator (or a wider scope)",
                AuthError.SCOPE_NOT_GRANTED.refuse("toxgrade/operator").getMessage());
    }
}
