package org.toxgrade.grading;

/**
 * Stable ids of the grading rules, quoted in {@link Evidence}. Each names the ASTCT 2019 table cell
 * or footnote it implements; consumers may rely on these strings.
 */
public final class RuleIds {

    private RuleIds() {
    }

    // CRS, ASTCT 2019 Table 3 (docs/clinical-rules.md section 2)
    public static final String CRS_FEVER = "ASTCT-CRS-FEVER";
    public static final String CRS_FEVER_MASKED = "ASTCT-CRS-FEVER-MASKED";
    public static final String CRS_HYPOTENSION_NO_VASOPRESSOR = "ASTCT-CRS-HYPOTENSION-NO-VASOPRESSOR";
    public static final String CRS_HYPOTENSION_ONE_VASOPRESSOR = "ASTCT-CRS-HYPOTENSION-ONE-VASOPRESSOR";
    public static final String CRS_HYPOTENSION_MULTIPLE_VASOPRESSORS = "ASTCT-CRS-HYPOTENSION-MULTIPLE-VASOPRESSORS";
    public static final String CRS_HYPOXIA_LOW_FLOW = "ASTCT-CRS-HYPOXIA-LOW-FLOW";
    public static final String CRS_HYPOXIA_HIGH_FLOW = "ASTCT-CRS-HYPOXIA-HIGH-FLOW";
    public static final String CRS_HYPOXIA_POSITIVE_PRESSURE = "ASTCT-CRS-HYPOXIA-POSITIVE-PRESSURE";
    public static final String CRS_DEATH = "ASTCT-CRS-DEATH";

    // ICANS, ASTCT 2019 Tables 5 and 6 (docs/clinical-rules.md section 3)
    public static final String ICANS_ICE_7_9 = "ASTCT-ICANS-ICE-7-9";
    public static final String ICANS_ICE_3_6 = "ASTCT-ICANS-ICE-3-6";
    public static final String ICANS_ICE_0_2 = "ASTCT-ICANS-ICE-0-2";
    public static final String ICANS_ICE_0_UNAROUSABLE = "ASTCT-ICANS-ICE-0-UNAROUSABLE";
    public static final String ICANS_CAPD_1_8 = "ASTCT-ICANS-CAPD-1-8";
    public static final String ICANS_CAPD_9_OR_MORE = "ASTCT-ICANS-CAPD-9-OR-MORE";
    public static final String ICANS_CAPD_UNABLE = "ASTCT-ICANS-CAPD-UNABLE";
    public static final String ICANS_LOC_AWAKENS_SPONTANEOUSLY = "ASTCT-ICANS-LOC-AWAKENS-SPONTANEOUSLY";
    public static final String ICANS_LOC_AWAKENS_TO_VOICE = "ASTCT-ICANS-LOC-AWAKENS-TO-VOICE";
    public static final String ICANS_LOC_AWAKENS_TO_TOUCH = "ASTCT-ICANS-LOC-AWAKENS-TO-TOUCH";
    public static final String ICANS_LOC_UNAROUSABLE = "ASTCT-ICANS-LOC-UNAROUSABLE";
    public static final String ICANS_SEIZURE_RESOLVING = "ASTCT-ICANS-SEIZURE-RESOLVING";
    public static final String ICANS_SEIZURE_PROLONGED = "ASTCT-ICANS-SEIZURE-PROLONGED";
    public static final String ICANS_MOTOR_DEEP_FOCAL = "ASTCT-ICANS-MOTOR-DEEP-FOCAL";
    public static final String ICANS_EDEMA_FOCAL = "ASTCT-ICANS-EDEMA-FOCAL";
    public static final String ICANS_EDEMA_DIFFUSE = "ASTCT-ICANS-EDEMA-DIFFUSE";
    public static final String ICANS_ICP_SIGN = "ASTCT-ICANS-ICP-SIGN";
    public static final String ICANS_DEATH = "ASTCT-ICANS-DEATH";
}
