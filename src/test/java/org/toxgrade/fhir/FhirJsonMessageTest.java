package org.toxgrade.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FhirJsonMessageTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "HAPI-1821: [element=\"effectiveDateTime\"] Invalid attribute value \"Mr Smith\": Invalid date/time format: \"Mr Smith\""
                    + "|HAPI-1821: [element=\"effectiveDateTime\"] Invalid attribute value \"...\": Invalid date/time format: \"...\"",
            "value \"a\" and \"b\"|value \"...\" and \"...\"",
            "no quotes at all|no quotes at all",
            "unbalanced \"quote|unbalanced \"quote"})
    void parserMessagesKeepElementNamesAndLoseValues(String message, String expected) {
        assertEquals(expected, FhirJson.withoutValues(message));
    }
}
