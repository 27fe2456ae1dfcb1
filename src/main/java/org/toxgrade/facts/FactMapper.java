package org.toxgrade.facts;

import java.util.Objects;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;

/**
 * Turns one FHIR R4 resource the EHR sent into the facts the grading reads (docs/architecture.md, package
 * {@code facts}; the input contract is docs/clinical-rules.md section 8). Pure: no I/O, no state between
 * calls; thread-safe once built.
 *
 * <p>Errors are {@link FactMappingException}s (the resource is unprocessable: 422). Codes the
 * terminology does not know are not errors: they yield no facts and are listed in
 * {@link FactExtraction#unknownCodes()}.
 */
public final class FactMapper {

    private final ObservationMapper observations;
    private final MedicationAdministrationMapper medications;
    private final ProcedureMapper procedures;
    private final PatientMapper patients = new PatientMapper();

    public FactMapper(Terminology terminology, FactMappingConfig config) {
        Objects.requireNonNull(terminology, "terminology");
        Objects.requireNonNull(config, "config");
        this.observations = new ObservationMapper(terminology, config);
        this.medications = new MedicationAdministrationMapper(terminology);
        this.procedures = new ProcedureMapper(terminology);
    }

    public FactExtraction map(Resource resource) {
        Objects.requireNonNull(resource, "resource");
        if (resource instanceof Observation o) {
            return observations.map(o);
        }
        if (resource instanceof MedicationAdministration m) {
            return medications.map(m);
        }
        if (resource instanceof Procedure p) {
            return procedures.map(p);
        }
        if (resource instanceof Patient p) {
            return patients.map(p);
        }
        throw new FactMappingException(FactError.UNSUPPORTED_RESOURCE, resource.fhirType());
    }
}
