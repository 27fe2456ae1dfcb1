package org.toxgrade.facts;

import static org.toxgrade.fhir.ErrorCode.failure;

import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.toxgrade.fhir.ErrorCode;

/**
 * The codes of {@code facts}: every way a resource can fail to become facts (answered 422), and the
 * failures of the package terminology, the site ConceptMap and the stored-fact codec (never answered). Messages name the rule
 * that was broken, never a value or id from the resource: the service answers them as a 422
 * OperationOutcome and logs them, and neither may carry patient data (docs/architecture.md, "No PHI in logs").
 */
public enum FactError implements ErrorCode {

    MISSING_SUBJECT(refusal("TG-FACT-001", "the resource has no subject; facts must belong to a Patient")),
    SUBJECT_NOT_A_PATIENT(refusal("TG-FACT-002", "the subject must be a literal reference to a Patient (Patient/id)")),
    MISSING_TIME(refusal("TG-FACT-003", "the resource has no clinically effective time")),
    IMPRECISE_TIME(refusal("TG-FACT-004", "the time must carry a time of day and a time zone")),
    PERIOD_ENDS_BEFORE_START(refusal("TG-FACT-005", "the period ends before it starts")),
    MISSING_ID(refusal("TG-FACT-006", "the resource has no id; facts are keyed by their source resource")),
    MISSING_STATUS(refusal("TG-FACT-007", "the resource has no status")),
    MISSING_VALUE(refusal("TG-FACT-010", "the observation has no value and no dataAbsentReason")),
    WRONG_VALUE_TYPE(refusal("TG-FACT-011", "the value has a type this observation code does not allow")),
    MISSING_UNIT(refusal("TG-FACT-012", "the quantity has no UCUM unit code")),
    UNKNOWN_UNIT(refusal("TG-FACT-013", "the quantity's unit is not a UCUM unit accepted for this code")),
    TEMPERATURE_IMPLAUSIBLE(refusal("TG-FACT-020", "the temperature is outside the plausible human range")),
    BLOOD_PRESSURE_IMPLAUSIBLE(refusal("TG-FACT-021", "the blood pressure is outside the plausible range")),
    FLOW_IMPLAUSIBLE(refusal("TG-FACT-022", "the oxygen flow is negative or above the plausible maximum")),
    ICE_OUT_OF_RANGE(refusal("TG-FACT-023", "the ICE score must be an integer from 0 to 10")),
    CAPD_OUT_OF_RANGE(refusal("TG-FACT-024", "the CAPD score must be an integer from 0 to 32")),
    NEGATIVE_DOSE(refusal("TG-FACT-025", "the dose must not be negative")),
    ICE_ITEM_OUT_OF_RANGE(refusal("TG-FACT-026",
            "an ICE item score is outside its range (orientation 0-4, naming 0-3, others 0-1)")),
    LAB_VALUE_IMPLAUSIBLE(refusal("TG-FACT-027", "the laboratory value must be a non-negative number")),
    HEIGHT_IMPLAUSIBLE(refusal("TG-FACT-028", "the body height is outside the plausible range (20-250 cm)")),
    BLOOD_PRESSURE_WITHOUT_COMPONENTS(refusal("TG-FACT-030",
            "the blood pressure panel has no systolic, diastolic or mean component")),
    ICE_ITEMS_INCOMPLETE(refusal("TG-FACT-031", "without a total, the ICE observation needs all five item scores")),
    DOSE_REQUIRED(refusal("TG-FACT-040", "a corticosteroid administration needs a dose (dexamethasone equivalents)")),
    DOSE_NOT_A_MASS(refusal("TG-FACT-041", "the dose must be a mass in mg, g or ug")),
    AGENT_NOT_MAPPED(
            refusal("TG-FACT-042", "the drug code is in the package ValueSet but the service has no agent for it")),
    UNSUPPORTED_RESOURCE(refusal("TG-FACT-050",
            "the resource type carries no facts (Observation, MedicationAdministration, Procedure, Patient)")),
    UNKNOWN_STORED_KIND(failure("TG-FACT-080", "unknown fact kind %s")),
    STORED_FACT_UNDECODABLE(failure("TG-FACT-081", "stored fact of kind %s cannot be decoded")),
    NO_KIND_FOR_CLASS(failure("TG-FACT-082", "no kind for %s")),
    FACT_UNENCODABLE(failure("TG-FACT-083", "fact of kind %s cannot be encoded")),
    SITE_MAP_UNREADABLE(failure("TG-FACT-090", "cannot read the site ConceptMap file %s")),
    SITE_MAP_NOT_A_CONCEPT_MAP(
            failure("TG-FACT-091", "the site ConceptMap file %s is not a FHIR R4 ConceptMap in JSON (%s)")),
    SITE_MAP_TARGET_UNKNOWN(
            failure("TG-FACT-092", "the site ConceptMap %s maps %s#%s to %s#%s, which no package ValueSet holds")),
    VALUE_SET_SYSTEM_UNDEFINED(
            failure("TG-FACT-093", "ValueSet %s includes all of %s, which the package does not define"));

    private final Spec spec;

    FactError(Spec spec) {
        this.spec = spec;
    }

    @Override
    public Spec spec() {
        return spec;
    }

    /** A known code with an impossible value: processing failed, the sender must correct the record. */
    private static Spec refusal(String code, String template) {
        return ErrorCode.refusal(code, 422, IssueType.PROCESSING, template);
    }
}
