package org.toxgrade.grading.fact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemperatureTest {

    private static final Instant T = Instant.parse("2024-03-05T08:00:00Z");

    @ParameterizedTest(name = "{0} F = {1} C")
    @CsvSource({"102, 38.89", "103.3, 39.61", "100.4, 38.00", "98.6, 37.00", "32, 0.00"})
    void fahrenheitConvertsToCelsius(double fahrenheit, double celsius) {
        assertEquals(celsius, Temperature.fromFahrenheit("Observation/t", T, fahrenheit).celsius(), 0.005);
    }

    @Test
    void aNonFiniteTemperatureIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Temperature("Observation/t", T, Double.NaN));
    }
}
