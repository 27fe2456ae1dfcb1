package org.toxgrade.subscription;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The channel secret matches exactly (surrounding whitespace of the header aside), nothing else. */
class NotificationSecretTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Bearer s3cret|Bearer s3cret|true",
            "'Bearer s3cret '|Bearer s3cret|true",
            "Bearer s3cre|Bearer s3cret|false",
            "Bearer s3cret2|Bearer s3cret|false",
            "bearer s3cret|Bearer s3cret|false",
            "''|Bearer s3cret|false"})
    void matchesOnlyTheSecret(String presented, String expected, boolean matches) {
        if (matches) {
            assertTrue(NotificationSecret.matches(presented, expected));
        } else {
            assertFalse(NotificationSecret.matches(presented, expected));
        }
    }

    @ParameterizedTest
    @CsvSource({"Bearer s3cret"})
    void noHeaderNeverMatches(String expected) {
        assertFalse(NotificationSecret.matches(null, expected));
        assertFalse(NotificationSecret.matches("x", null));
    }
}
