package org.toxgrade.grading.fact;

import java.time.Instant;
import java.util.Objects;

/** Argument checks shared by the fact records, so that a malformed fact fails where it is built. */
final class FactChecks {

    private FactChecks() {
    }

    static void idAndTime(String id, Instant time) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        if (id.isBlank()) {
            throw new IllegalArgumentException("fact id must not be blank");
        }
    }

    static void range(Integer value, int min, int max, String what) {
        if (value != null && (value < min || value > max)) {
            throw new IllegalArgumentException(what + " must be within " + min + "-" + max + ", was " + value);
        }
    }
}
