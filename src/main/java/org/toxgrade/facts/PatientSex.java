package org.toxgrade.facts;

import java.time.Instant;
import java.util.Objects;

/**
 * {@code Patient.gender} as sent (FHIR administrative gender). The paediatric blood pressure tables
 * are by sex (docs/clinical-rules.md section 5, {@code hypertension-grade3}): {@code male} and {@code female}
 * select the boys' and girls' tables, {@code other} and {@code unknown} neither.
 *
 * <p>A patient attribute has no clinical time; the fact is kept at the epoch, so that it is known
 * whatever instant a derivation is judged at. Like the birth date, each version of the Patient
 * replaces it.
 */
public record PatientSex(String id, Instant time, Sex sex) implements ContextFact {

    /** The codes of {@code http://hl7.org/fhir/administrative-gender}. */
    public enum Sex {
        MALE, FEMALE, OTHER, UNKNOWN
    }

    public PatientSex {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(sex, "sex");
    }

    public static PatientSex of(String id, Sex sex) {
        return new PatientSex(id, Instant.EPOCH, sex);
    }
}
