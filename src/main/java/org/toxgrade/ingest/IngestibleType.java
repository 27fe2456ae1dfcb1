package org.toxgrade.ingest;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The resource types a sender may push (docs/clinical-rules.md section 8): observations and drug
 * administrations carry the clinical facts, a Procedure may record the infusion, and the Patient
 * gives the birth date that decides adult or paediatric grading.
 */
public enum IngestibleType {

    OBSERVATION("Observation"),
    MEDICATION_ADMINISTRATION("MedicationAdministration"),
    PROCEDURE("Procedure"),
    PATIENT("Patient");

    private final String fhirName;

    IngestibleType(String fhirName) {
        this.fhirName = fhirName;
    }

    public String fhirName() {
        return fhirName;
    }

    public static Optional<IngestibleType> of(String fhirName) {
        return Arrays.stream(values()).filter(t -> t.fhirName.equals(fhirName)).findFirst();
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(IngestibleType::fhirName).toList();
    }
}
