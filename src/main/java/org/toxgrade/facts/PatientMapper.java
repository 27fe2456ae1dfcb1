package org.toxgrade.facts;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.LocalDate;
import java.time.YearMonth;
import org.hl7.fhir.r4.model.Patient;

/** The birth date, which decides adult or paediatric grading (docs/clinical-rules.md section 3). */
final class PatientMapper {

    FactExtraction map(Patient patient) {
        ExtractionBuilder out = ExtractionBuilder.forResource(patient,
                FactIds.of("Patient", ExtractionBuilder.idOf(patient)));
        if (patient.hasBirthDateElement() && patient.getBirthDateElement().getValue() != null) {
            out.birthDate(birthDate(patient));
        }
        return out.build();
    }

    /**
     * A full date as sent. A partial date ("1995", "1995-06") becomes the last day it allows, the
     * youngest age the patient can have: near the paediatric cut-off, the error then falls on the
     * side of the paediatric assessment (CAPD) rather than asking a child to do the ICE.
     */
    private static LocalDate birthDate(Patient patient) {
        var date = patient.getBirthDateElement();
        int year = date.getYear();
        if (date.getPrecision() == TemporalPrecisionEnum.YEAR) {
            return LocalDate.of(year, 12, 31);
        }
        // HAPI months are 0-based, like java.util.Calendar.
        int month = date.getMonth() + 1;
        if (date.getPrecision() == TemporalPrecisionEnum.MONTH) {
            return YearMonth.of(year, month).atEndOfMonth();
        }
        return LocalDate.of(year, month, date.getDay());
    }
}
