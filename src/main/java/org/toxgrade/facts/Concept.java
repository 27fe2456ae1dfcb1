package org.toxgrade.facts;

/**
 * What a code in {@code Observation.code}, {@code Observation.component.code},
 * {@code MedicationAdministration.medication[x]} or {@code Procedure.code} means to the service.
 * Each concept is one ValueSet of the package (docs/clinical-rules.md sections 7 and 8), so a site changes
 * the codes without changing this list.
 */
public enum Concept {

    TEMPERATURE("body-temperature"),
    BP_PANEL("blood-pressure-panel"),
    SYSTOLIC("systolic-blood-pressure"),
    DIASTOLIC("diastolic-blood-pressure"),
    MAP("mean-arterial-pressure"),
    HEART_RATE("heart-rate"),
    OXYGEN_SATURATION("oxygen-saturation"),
    O2_FLOW("inhaled-oxygen-flow"),
    FIO2("inhaled-oxygen-concentration"),
    GCS("glasgow-coma-score"),
    OXYGEN_DEVICE("oxygen-device-observation"),
    OXYGEN_INDICATION("oxygen-indication-observation"),
    ICE("ice-score"),
    ICE_ITEM("ice-score-items"),
    CAPD("capd-score"),
    /** A statement that the patient is developmentally unable to do the ICE (valueBoolean). */
    ICE_DEVELOPMENTAL_INABILITY("ice-developmental-inability"),
    LOC("level-of-consciousness"),
    SEIZURE("seizure-observation"),
    MOTOR("motor-weakness-observation"),
    NEUROIMAGING("neuroimaging-observation"),
    ICP_SIGN("icp-sign-observation"),
    NEURO_FINDING("neuro-finding-observation"),
    DEATH_ATTRIBUTION("death-attribution-observation"),
    LAB("laboratory-tests"),
    BODY_HEIGHT("body-height"),
    CAR_T_PRODUCT("car-t-products"),
    VASOPRESSOR("vasopressors"),
    CORTICOSTEROID("corticosteroids"),
    ANTI_CYTOKINE("anti-cytokine-agents"),
    ANTIPYRETIC("antipyretics"),
    ANTISEIZURE("anti-seizure-drugs"),
    SEDATIVE("sedatives"),
    /** Recognised treatments that change no grade (IVIG): kept as drug facts, not reported as unknown codes. */
    OTHER_TREATMENT("other-treatments"),
    /** Filgrastim, pegfilgrastim: recorded with the ICAHT grade (CLINICAL-SPEC section 9). */
    G_CSF("g-csf");

    private final String valueSetId;

    Concept(String valueSetId) {
        this.valueSetId = valueSetId;
    }

    /** Id of the package ValueSet that lists the codes of this concept. */
    public String valueSetId() {
        return valueSetId;
    }
}
