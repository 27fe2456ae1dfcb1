package org.toxgrade.facts;

import java.time.Instant;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Resource;
import org.toxgrade.grading.fact.AdministrationStatus;
import org.toxgrade.grading.fact.DrugDose;
import org.toxgrade.grading.fact.VasopressorInfusion;

/**
 * Drug administrations by RxNorm ingredient (docs/clinical-rules.md sections 7 and 8) and the CAR-T infusion.
 *
 * <p>Timing: {@code effectivePeriod} is an administration over time; the fact carries the period's
 * end (when charted) and the administration's status, and the grading decides how long it runs
 * from them (docs/clinical-rules.md section 2, "Administrations over time": {@code in-progress} without an
 * end runs until a later record of the same agent, {@code completed}/{@code stopped} without an
 * end is a single dose, {@code on-hold} pauses). {@code not-done} and {@code entered-in-error}
 * retract. {@code effectiveDateTime} is a bolus, a dose at its time, and its fact has no status. A
 * vasopressor bolus (a push dose) is kept as a {@code DrugDose} of category OTHER and is <b>not</b>
 * a running vasopressor: ASTCT grade 3 CRS means hypotension "requiring a vasopressor", i.e. a
 * sustained infusion, and section 8 reserves {@code effectiveDateTime} for boluses. The dose is
 * recorded so clinicians see it.
 */
final class MedicationAdministrationMapper {

    private static final List<Concept> DRUG_CONCEPTS = List.of(Concept.CAR_T_PRODUCT, Concept.VASOPRESSOR,
            Concept.CORTICOSTEROID, Concept.ANTI_CYTOKINE, Concept.ANTIPYRETIC, Concept.ANTISEIZURE, Concept.SEDATIVE,
            Concept.OTHER_TREATMENT, Concept.G_CSF);
    private static final String DOSE = "MedicationAdministration.dosage.dose";

    private final Terminology terminology;

    MedicationAdministrationMapper(Terminology terminology) {
        this.terminology = terminology;
    }

    FactExtraction map(MedicationAdministration administration) {
        String patient = Subjects.patientReference(administration.getSubject(), "MedicationAdministration.subject");
        ExtractionBuilder out = ExtractionBuilder.forResource(administration, patient);
        if (administration.getStatus() == null) {
            throw new FactMappingException(FactError.MISSING_STATUS, "MedicationAdministration.status");
        }
        switch (administration.getStatus()) {
            case NOTDONE, ENTEREDINERROR:
                return out.retracts().build();
            case COMPLETED, INPROGRESS, STOPPED, ONHOLD:
                break;
            default:
                return out.build();
        }
        Terminology.Resolution drug = resolveMedication(administration);
        if (!drug.matched()) {
            return out.unknown(drug.unknown()).build();
        }
        String id = out.source();
        Concept concept = drug.concept();
        String code = drug.code();
        if (concept == Concept.CAR_T_PRODUCT) {
            return out.infusion(new CarTInfusion(id, start(administration))).build();
        }
        Instant start = start(administration);
        switch (concept) {
            case VASOPRESSOR -> {
                if (administration.getEffective() instanceof Period period) {
                    VasopressorInfusion.Agent agent = DrugAgents.vasopressor(code).orElseThrow(
                            () -> new FactMappingException(FactError.AGENT_NOT_MAPPED, medicationPath(administration)));
                    out.fact(new VasopressorInfusion(id, agent, start,
                            Times.end(period, "MedicationAdministration.effectivePeriod"), status(administration)));
                } else {
                    out.fact(new DrugDose(id, start, DrugDose.Category.OTHER, agent(code),
                            optionalDoseMg(administration), null));
                }
            }
            case CORTICOSTEROID -> {
                if (!administration.getDosage().hasDose()) {
                    throw new FactMappingException(FactError.DOSE_REQUIRED, DOSE);
                }
                double mg = doseMg(administration);
                double perMg = DrugAgents.dexamethasoneEquivalentPerMg(code).orElseThrow(
                        () -> new FactMappingException(FactError.AGENT_NOT_MAPPED, medicationPath(administration)));
                out.fact(new DrugDose(id, start, DrugDose.Category.CORTICOSTEROID, agent(code), mg, mg * perMg,
                        end(administration), periodStatus(administration)));
            }
            case ANTI_CYTOKINE -> out.fact(drugDose(id, start, DrugDose.Category.ANTI_CYTOKINE, code, administration));
            case ANTIPYRETIC -> out.fact(drugDose(id, start, DrugDose.Category.ANTIPYRETIC, code, administration));
            case ANTISEIZURE -> out.fact(drugDose(id, start, DrugDose.Category.ANTISEIZURE, code, administration));
            case SEDATIVE -> out.fact(drugDose(id, start, DrugDose.Category.SEDATIVE, code, administration));
            case OTHER_TREATMENT -> out.fact(drugDose(id, start, DrugDose.Category.OTHER, code, administration));
            case G_CSF -> out.fact(drugDose(id, start, DrugDose.Category.G_CSF, code, administration));
            default -> throw new IllegalStateException("unhandled drug concept " + concept);
        }
        return out.build();
    }

    private static DrugDose drugDose(String id, Instant start, DrugDose.Category category, String code,
            MedicationAdministration administration) {
        return new DrugDose(id, start, category, agent(code), optionalDoseMg(administration), null,
                end(administration), periodStatus(administration));
    }

    /** The status of an administration that leaves a fact (the others return before mapping). */
    private static AdministrationStatus status(MedicationAdministration administration) {
        return switch (administration.getStatus()) {
            case INPROGRESS -> AdministrationStatus.IN_PROGRESS;
            case ONHOLD -> AdministrationStatus.ON_HOLD;
            case COMPLETED -> AdministrationStatus.COMPLETED;
            case STOPPED -> AdministrationStatus.STOPPED;
            default -> throw new IllegalStateException("no fact for status " + administration.getStatus());
        };
    }

    /** The status of an administration charted over a period; {@code null} for one charted at an instant (a dose). */
    private static AdministrationStatus periodStatus(MedicationAdministration administration) {
        return administration.getEffective() instanceof Period ? status(administration) : null;
    }

    /** The end of the period, {@code null} when charted at an instant or still open. */
    private static Instant end(MedicationAdministration administration) {
        return administration.getEffective() instanceof Period period
                ? Times.end(period, "MedicationAdministration.effectivePeriod")
                : null;
    }

    /** The ingredient name; a code a site added to a ValueSet without a name here keeps its code. */
    private static String agent(String code) {
        return DrugAgents.name(code).orElse("rxnorm " + code);
    }

    private static Double optionalDoseMg(MedicationAdministration administration) {
        return administration.getDosage().hasDose() ? doseMg(administration) : null;
    }

    private static double doseMg(MedicationAdministration administration) {
        double mg = Ucum.milligrams(administration.getDosage().getDose(), DOSE);
        if (mg < 0 || !Double.isFinite(mg)) {
            throw new FactMappingException(FactError.NEGATIVE_DOSE, DOSE + ".value");
        }
        return mg;
    }

    private Terminology.Resolution resolveMedication(MedicationAdministration administration) {
        if (administration.hasMedicationCodeableConcept()) {
            return terminology.resolve(administration.getMedicationCodeableConcept(), DRUG_CONCEPTS,
                    "MedicationAdministration.medicationCodeableConcept");
        }
        // A reference is resolvable only to a contained Medication; an external one cannot be read
        // here and is reported like an unknown code rather than rejecting the administration.
        if (administration.hasMedicationReference()) {
            // The parser links a local reference ("#med") to its contained resource.
            if (administration.getMedicationReference().getResource() instanceof Medication medication) {
                return terminology.resolve(medication.getCode(), DRUG_CONCEPTS,
                        "MedicationAdministration.contained.code");
            }
            String reference = administration.getMedicationReference().getReference();
            for (Resource contained : administration.getContained()) {
                String containedId = contained.getIdElement().getIdPart();
                if (contained instanceof Medication medication && reference != null && reference.startsWith("#")
                        && containedId != null && reference.substring(1).equals(containedId.replaceFirst("^#", ""))) {
                    return terminology.resolve(medication.getCode(), DRUG_CONCEPTS,
                            "MedicationAdministration.contained.code");
                }
            }
        }
        return terminology.resolve(new CodeableConcept(), DRUG_CONCEPTS, "MedicationAdministration.medication[x]");
    }

    private static String medicationPath(MedicationAdministration administration) {
        return administration.hasMedicationCodeableConcept()
                ? "MedicationAdministration.medicationCodeableConcept"
                : "MedicationAdministration.medicationReference";
    }

    private static Instant start(MedicationAdministration administration) {
        if (administration.getEffective() instanceof DateTimeType t) {
            return Times.instant(t, "MedicationAdministration.effectiveDateTime");
        }
        if (administration.getEffective() instanceof Period p) {
            return Times.start(p, "MedicationAdministration.effectivePeriod");
        }
        throw new FactMappingException(FactError.MISSING_TIME, "MedicationAdministration.effective[x]");
    }
}
