package org.toxgrade.publish.build;

import org.toxgrade.grading.Syndrome;

/**
 * How each syndrome's Condition is coded (fhir-profiles, docs/clinical-rules.md section 7), one entry per
 * {@link Syndrome}.
 */
final class SyndromeCodings {

    /**
     * @param code          the service's code (toxgrade-condition CodeSystem) and the Condition id's suffix
     * @param display       the display of that code
     * @param profile       the Condition profile the resource claims
     * @param icd10cmPrefix the ICD-10-CM code without its last digit, which is the grade
     */
    record SyndromeCoding(String code, String display, String profile, String icd10cmPrefix) {

        String icd10cm(int grade) {
            return icd10cmPrefix + grade;
        }
    }

    // ICD-10-CM: D89.831-D89.835 cytokine release syndrome, grade 1-5 (FY2021).
    private static final SyndromeCoding CRS = new SyndromeCoding(Syndrome.CRS.code(), "Cytokine release syndrome",
            Codes.CRS_PROFILE, "D89.83");

    // ICD-10-CM: G92.01-G92.05 immune effector cell-associated neurotoxicity syndrome, grade 1-5 (FY2022).
    private static final SyndromeCoding ICANS = new SyndromeCoding(Syndrome.ICANS.code(),
            "Immune effector cell-associated neurotoxicity syndrome", Codes.ICANS_PROFILE, "G92.0");

    private SyndromeCodings() {
    }

    static SyndromeCoding of(Syndrome syndrome) {
        return switch (syndrome) {
            case CRS -> CRS;
            case ICANS -> ICANS;
        };
    }

    /** The id of the episode's Condition for {@code syndrome}: {@code <episode key>-<code>}. */
    static String conditionId(String episodeKey, Syndrome syndrome) {
        return episodeKey + "-" + of(syndrome).code();
    }
}
