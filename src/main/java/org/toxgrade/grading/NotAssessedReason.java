package org.toxgrade.grading;

/**
 * Why a syndrome was not assessed at an instant or on a day (docs/clinical-rules.md section 4: "not
 * assessed (no relevant data)", never 0). Stable codes; {@link #text()} is what a clinician reads.
 */
public enum NotAssessedReason {

    /**
     * CRS: no temperature or blood pressure reading, no oxygen device holding and no vasopressor
     * running or stopping. A fever in the look-back qualifies an assessment but is not one: a
     * temperature is a reading, not an interval.
     */
    NO_CRS_PARAMETER("no temperature, blood pressure, oxygen support or vasopressor"),

    /**
     * ICANS: no ICE, CAPD, level of consciousness, seizure, deep focal motor finding, neuroimaging
     * or ICP sign (findings outside the ICANS domains, such as tremor or limb weakness, are noted
     * but are not an ICANS assessment).
     */
    NO_NEUROLOGICAL_ASSESSMENT("no neurological assessment"),

    /**
     * ICANS: the only neurological record was an ICE charted as not performed, and no unarousable
     * level of consciousness was recorded at the same assessment, so the ICE domain is not assessed
     * (docs/clinical-rules.md section 3).
     */
    ICE_NOT_PERFORMED("ICE not performed, and the patient was not charted unarousable at that assessment");

    private final String text;

    NotAssessedReason(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
