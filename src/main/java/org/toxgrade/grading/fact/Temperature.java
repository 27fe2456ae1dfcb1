package org.toxgrade.grading.fact;

import java.time.Instant;

/** A body temperature in degrees Celsius. Unit conversion belongs to the facts layer; see {@link #fromFahrenheit}. */
public record Temperature(String id, Instant time, double celsius) implements Fact {

    public Temperature {
        FactChecks.idAndTime(id, time);
        if (!Double.isFinite(celsius)) {
            throw new IllegalArgumentException("temperature must be a finite number");
        }
    }

    /**
     * Builds a temperature from a reading in degrees Fahrenheit (UCUM {@code [degF]}). docs/clinical-rules.md
     * section 2: "convert, never assume". The value is not rounded; fever comparison tolerates the
     * floating-point error of the conversion (100.4 F is exactly 38.0 C).
     */
    public static Temperature fromFahrenheit(String id, Instant time, double fahrenheit) {
        return new Temperature(id, time, (fahrenheit - 32.0) * 5.0 / 9.0);
    }
}
