package org.toxgrade.grading;

/**
 * Blood pressure below which a reading is hypotension (docs/clinical-rules.md section 2: "thresholds that
 * must be configurable"). A reading is hypotensive when a value is strictly below its threshold.
 *
 * <p>Children follow the PALS lower limit of systolic pressure by age: below {@code childFromAge}
 * years {@code infantSystolicBelow}; from {@code childFromAge} to below {@code adultFromAge} years
 * {@code childSystolicBase + childSystolicPerYear x age}; from {@code adultFromAge} on the adult
 * thresholds. PALS gives no MAP limit for children, so below {@code adultFromAge} only the systolic
 * pressure is judged.
 */
public record HypotensionThresholds(double adultSystolicBelow, double adultMeanBelow, double infantSystolicBelow,
        int childFromAge, double childSystolicBase, double childSystolicPerYear,
        int adultFromAge) {

    public static HypotensionThresholds defaults() {
        return new HypotensionThresholds(90, 65, 70, 1, 70, 2, 10);
    }

    public HypotensionThresholds {
        if (childFromAge < 0 || adultFromAge < childFromAge) {
            throw new IllegalArgumentException("age bands must satisfy 0 <= childFromAge <= adultFromAge");
        }
    }

    /** Systolic threshold for an age in whole years; {@code null} age means adult. */
    public double systolicBelow(Integer ageYears) {
        if (ageYears == null || ageYears >= adultFromAge) {
            return adultSystolicBelow;
        }
        if (ageYears < childFromAge) {
            return infantSystolicBelow;
        }
        return childSystolicBase + childSystolicPerYear * ageYears;
    }

    /** MAP threshold for an age in whole years, or {@code NaN} when MAP is not judged at that age. */
    public double meanBelow(Integer ageYears) {
        return ageYears == null || ageYears >= adultFromAge ? adultMeanBelow : Double.NaN;
    }
}
