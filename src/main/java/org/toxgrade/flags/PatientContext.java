package org.toxgrade.flags;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the flags know of the patient beyond the episode's facts: the sex and the body heights that
 * select a child's blood pressure limits (docs/clinical-rules.md section 5, {@code
 * hypertension-grade3}). The birth date comes with the episode's facts.
 *
 * @param sex     {@link Sex#UNKNOWN} when no Patient resource gave male or female
 * @param heights every body height charted for the patient, any order
 */
public record PatientContext(Sex sex, List<Height> heights) {

    /** The sexes of the paediatric blood pressure tables. */
    public enum Sex {
        MALE, FEMALE, UNKNOWN
    }

    /** A body height, in cm, at the time it was measured; {@code id} is its source reference. */
    public record Height(String id, Instant time, double centimetres) {

        public Height {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(time, "time");
            if (!(centimetres > 0)) {
                throw new IllegalArgumentException("a height must be positive");
            }
        }
    }

    public PatientContext {
        Objects.requireNonNull(sex, "sex");
        heights = List.copyOf(heights);
    }

    /** Neither sex nor height known. */
    public static PatientContext unknown() {
        return new PatientContext(Sex.UNKNOWN, List.of());
    }
}
