package org.toxgrade.grading.fact;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Malformed facts fail where they are built, not somewhere inside the grading. */
class FactValidationTest {

    private static final Instant T = Instant.parse("2024-03-05T08:00:00Z");

    @Test
    void iceOutsideZeroToTenIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new IceScore("Observation/i", T, 11, false));
    }

    @Test
    void iceWithoutScoreMustBeMarkedUnarousable() {
        assertThrows(IllegalArgumentException.class, () -> new IceScore("Observation/i", T, null, false));
    }

    @Test
    void capdOutsideZeroToThirtyTwoIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new CapdScore("Observation/c", T, 33, false));
    }

    @Test
    void vasopressorEndingBeforeItStartsIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new VasopressorInfusion("MedicationAdministration/v",
                VasopressorInfusion.Agent.DOPAMINE, T, T.minusSeconds(1)));
    }

    @Test
    void bloodPressureWithoutAnyComponentIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new BloodPressure("Observation/bp", T, null, null, null));
    }

    @Test
    void blankIdIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Temperature(" ", T, 37.0));
    }
}
