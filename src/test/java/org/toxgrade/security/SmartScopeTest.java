package org.toxgrade.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** SMART App Launch 2.0 scope semantics, one row of {@code security/smart-scopes.csv} per rule. */
class SmartScopeTest {

    @ParameterizedTest(name = "{0} on {1}.{2} -> {3} ({4})")
    @CsvFileSource(resources = "/security/smart-scopes.csv", numLinesToSkip = 1)
    void aScopePermitsExactlyWhatSmartSays(String scope, String type, Permission permission, boolean permitted,
            String rule) {
        assertEquals(permitted, GrantedScopes.parse(scope).permits(type, permission), rule);
    }

    @Test
    void severalScopesInOneClaimAddUp() {
        GrantedScopes scopes = GrantedScopes
                .parse("system/Observation.c  system/MedicationAdministration.cu toxgrade/grade");
        assertTrue(scopes.permits("Observation", Permission.C));
        assertTrue(scopes.permits("MedicationAdministration", Permission.U));
        assertFalse(scopes.permits("Observation", Permission.U));
        assertTrue(scopes.has(GrantedScopes.GRADE_OPERATION));
        assertFalse(scopes.has(GrantedScopes.OPERATOR));
    }

    @Test
    void anEmptyOrMissingClaimGrantsNothing() {
        assertFalse(GrantedScopes.parse(null).permits("Observation", Permission.R));
        assertFalse(GrantedScopes.parse("   ").permits("Observation", Permission.R));
    }
}
