package org.toxgrade.grading;

/**
 * Stable codes for the remarks attached to a grade: confounders, exclusions and masking that a
 * clinician needs to see to judge whether the proposed grade holds.
 */
public enum NoteCode {
    /** ASTCT CRS footnote: after CRS and an antipyretic, anti-cytokine or steroid, fever is not required. */
    FEVER_MASKED,
    /** ASTCT: fever is required for CRS; hypotension or hypoxia alone is not CRS. */
    NO_FEVER_NOT_CRS,
    /** MAP was not charted and was estimated as (S + 2D) / 3. */
    MAP_ESTIMATED,
    /** Oxygen given for comfort, without hypoxia, does not grade CRS (docs/clinical-rules.md section 2). */
    COMFORT_OXYGEN_NOT_GRADED,
    /** ASTCT defines low and high flow by litres per minute, so the charted flow overrides the device label. */
    FLOW_DECIDES_NASAL_CANNULA,
    /** No birth date: adult thresholds and ICE are used. */
    NO_BIRTH_DATE_ADULT_RULES,
    /**
     * A sedative was given within the sedation look-back, or a sedative infusion is running or ended
     * less than the after-infusion time ago: the level of consciousness may not be due to ICANS.
     */
    CONSCIOUSNESS_CONFOUNDED_BY_SEDATION,
    /** ASTCT: intracranial haemorrhage, with or without associated oedema, is excluded from ICANS grading. */
    HEMORRHAGE_EXCLUDED,
    /** Vasogenic oedema in a PRES pattern is attributed to PRES, a separate diagnosis. */
    PRES_PATTERN_NOT_GRADED,
    /** ASTCT: tremor and myoclonus are graded by CTCAE only and do not change the ICANS grade. */
    CTCAE_ONLY_FINDING,
    /** Limb weakness and other peripheral findings are not ASTCT ICANS domains. */
    FINDING_OUTSIDE_ICANS,
    /**
     * An ICE score charted for a child below the cut-off age, who is assessed with the CAPD: "not
     * used: CAPD required below age N", naming the ICE (docs/clinical-rules.md section 3). {@code $grade}
     * warns the sender of each such ICE.
     */
    ICE_NOT_USED_BELOW_CAPD_AGE,
    /**
     * An ICE score charted while a statement that the patient is developmentally unable to do the
     * ICE is in force: not used, the CAPD is (docs/clinical-rules.md sections 3 and 8).
     */
    ICE_NOT_USED_DEVELOPMENTALLY_UNABLE,
    /**
     * A CAPD graded the encephalopathy of a patient of ICE age because a statement that the patient
     * is developmentally unable to do the ICE is in force (docs/clinical-rules.md section 3).
     */
    CAPD_USED_DEVELOPMENTALLY_UNABLE,
    /** A patient assessed with ICE had a CAPD charted; it is not used. */
    CAPD_IGNORED_FOR_ICE_PATIENT,
    /**
     * The fever that the hypotension or hypoxia pairs with was charted after it, within the pairing
     * window: fever and organ dysfunction pair in either order (docs/clinical-rules.md section 2).
     */
    FEVER_CHARTED_AFTER,
    /**
     * An ICE charted as not performed, without an unarousable level of consciousness at the same
     * assessment: the ICE domain is not assessed at that instant (docs/clinical-rules.md section 3).
     */
    ICE_NOT_PERFORMED_NOT_GRADED
}
