package org.toxgrade.facts;

/**
 * Every way a resource can fail to become facts, with its unique code. Messages name the rule that
 * was broken, never a value or id from the resource: the service answers them as a 422
 * OperationOutcome and logs them, and neither may carry patient data (DESIGN.md, "No PHI in logs").
 */
public enum FactError {

    MISSING_SUBJECT("TG-FACT-001", "the resource has no subject; facts must belong to a Patient"),
    SUBJECT_NOT_A_PATIENT("TG-FACT-002", "the subject must be a literal reference to a Patient (Patient/id)"),
    MISSING_TIME("TG-FACT-003", "the resource has no clinically effective time"),
    IMPRECISE_TIME("TG-FACT-004", "the time must carry a time of day and a time zone"),
    PERIOD_ENDS_BEFORE_START("TG-FACT-005", "the period ends before it starts"),
    MISSING_ID("TG-FACT-006", "the resource has no id; facts are keyed by their source resource"),
    MISSING_STATUS("TG-FACT-007", "the resource has no status"),
    MISSING_VALUE("TG-FACT-010", "the observation has no value and no dataAbsentReason"),
    WRONG_VALUE_TYPE("TG-FACT-011", "the value has a type this observation code does not allow"),
    MISSING_UNIT("TG-FACT-012", "the quantity has no UCUM unit code"),
    UNKNOWN_UNIT("TG-FACT-013", "the quantity's unit is not a UCUM unit accepted for this code"),
    TEMPERATURE_IMPLAUSIBLE("TG-FACT-020", "the temperature is outside the plausible human range"),
    BLOOD_PRESSURE_IMPLAUSIBLE("TG-FACT-021", "the blood pressure is outside the plausible range"),
    FLOW_IMPLAUSIBLE("TG-FACT-022", "the oxygen flow is negative or above the plausible maximum"),
    ICE_OUT_OF_RANGE("TG-FACT-023", "the ICE score must be an integer from 0 to 10"),
    CAPD_OUT_OF_RANGE("TG-FACT-024", "the CAPD score must be an integer from 0 to 32"),
    NEGATIVE_DOSE("TG-FACT-025", "the dose must not be negative"),
    ICE_ITEM_OUT_OF_RANGE("TG-FACT-026",
            "an ICE item score is outside its range (orientation 0-4, naming 0-3, others 0-1)"),
    LAB_VALUE_IMPLAUSIBLE("TG-FACT-027", "the laboratory value must be a non-negative number"),
    BLOOD_PRESSURE_WITHOUT_COMPONENTS("TG-FACT-030",
            "the blood pressure panel has no systolic, diastolic or mean component"),
    ICE_ITEMS_INCOMPLETE("TG-FACT-031", "without a total, the ICE observation needs all five item scores"),
    DOSE_REQUIRED("TG-FACT-040", "a corticosteroid administration needs a dose (dexamethasone equivalents)"),
    DOSE_NOT_A_MASS("TG-FACT-041", "the dose must be a mass in mg, g or ug"),
    AGENT_NOT_MAPPED("TG-FACT-042", "the drug code is in the package ValueSet but the service has no agent for it"),
    UNSUPPORTED_RESOURCE("TG-FACT-050",
            "the resource type carries no facts (Observation, MedicationAdministration, Procedure, Patient)");

    private final String code;
    private final String message;

    FactError(String code, String message) {
        this.code = code;
        this.message = message;
    }

    public String code() {
        return code;
    }

    /** The message as sent and logged: code first, so that it can be found with grep. */
    public String message() {
        return code + ": " + message;
    }
}
