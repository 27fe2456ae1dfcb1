package org.toxgrade.facts;

import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.toxgrade.fhir.FhirError;
import org.toxgrade.fhir.FhirIds;

/** The patient a resource is about, normalised to {@code Patient/id}. */
final class Subjects {

    private static final String PATIENT = "Patient";

    private Subjects() {
    }

    /**
     * Normalises {@code Patient/x}, {@code https://ehr.example.org/fhir/Patient/x} and
     * {@code Patient/x/_history/3} to {@code Patient/x}: facts of one patient must meet under one
     * key whatever base or version the sender wrote. Anything but a literal Patient reference
     * (a Group, a {@code urn:uuid} left unresolved, a contained {@code #p}, an identifier only) is an
     * error: facts without a patient cannot be graded. The id must be a FHIR id ({@link FhirIds}): the
     * reference is a key of every patient table and of the outbox, and an id the service could not
     * store, or one that two senders' different ids would collapse into, is refused here.
     */
    static String patientReference(Reference subject, String fhirPath) {
        if (subject == null || subject.isEmpty()) {
            throw new FactMappingException(FactError.MISSING_SUBJECT, fhirPath);
        }
        if (!subject.hasReference() || subject.getReference().startsWith("#")
                || subject.getReference().startsWith("urn:")) {
            throw new FactMappingException(FactError.SUBJECT_NOT_A_PATIENT, fhirPath + ".reference");
        }
        IdType id = new IdType(subject.getReference());
        if (!PATIENT.equals(id.getResourceType()) || !id.hasIdPart()) {
            throw new FactMappingException(FactError.SUBJECT_NOT_A_PATIENT, fhirPath + ".reference");
        }
        if (!FhirIds.isValid(id.getIdPart())) {
            throw new FactMappingException(FhirError.INVALID_ID, fhirPath + ".reference");
        }
        return FactIds.of(PATIENT, id.getIdPart());
    }
}
