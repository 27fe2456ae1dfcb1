package org.toxgrade.facts;

import java.time.Instant;
import java.util.List;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;

/** A Procedure counts only as a CAR-T infusion (docs/clinical-rules.md section 1); other procedures are unknown codes. */
final class ProcedureMapper {

    private final Terminology terminology;

    ProcedureMapper(Terminology terminology) {
        this.terminology = terminology;
    }

    FactExtraction map(Procedure procedure) {
        String patient = Subjects.patientReference(procedure.getSubject(), "Procedure.subject");
        ExtractionBuilder out = ExtractionBuilder.forResource(procedure, patient);
        if (procedure.getStatus() == null) {
            throw new FactMappingException(FactError.MISSING_STATUS, "Procedure.status");
        }
        switch (procedure.getStatus()) {
            case NOTDONE, ENTEREDINERROR:
                return out.retracts().build();
            case COMPLETED, INPROGRESS, STOPPED:
                // Cells started to flow: a stopped infusion still starts the episode.
                break;
            default:
                // preparation, on-hold, unknown: nothing was given yet.
                return out.build();
        }
        Terminology.Resolution code = terminology.resolve(procedure.getCode(), List.of(Concept.CAR_T_PRODUCT),
                "Procedure.code");
        if (!code.matched()) {
            return out.unknown(code.unknown()).build();
        }
        return out.infusion(new CarTInfusion(out.source(), performed(procedure))).build();
    }

    private static Instant performed(Procedure procedure) {
        if (procedure.getPerformed() instanceof DateTimeType t) {
            return Times.instant(t, "Procedure.performedDateTime");
        }
        if (procedure.getPerformed() instanceof Period p) {
            return Times.start(p, "Procedure.performedPeriod");
        }
        throw new FactMappingException(FactError.MISSING_TIME, "Procedure.performed[x]");
    }
}
