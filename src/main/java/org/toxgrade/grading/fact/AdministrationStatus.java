package org.toxgrade.grading.fact;

/**
 * The status of a drug administration charted over a period, which decides how long it runs
 * (docs/clinical-rules.md section 2, "Administrations over time"). These are the FHIR
 * {@code MedicationAdministration.status} values that leave a fact; {@code not-done} and
 * {@code entered-in-error} retract the record instead, and the other FHIR statuses yield nothing.
 *
 * <p>A fact without a status ({@code null}) was stored before statuses were kept, or was charted
 * at an instant: it keeps the timing it always had (see {@link VasopressorInfusion} and
 * {@link DrugDose}).
 */
public enum AdministrationStatus {

    /** {@code in-progress}: without an end it runs until a later record of the same line. */
    IN_PROGRESS,
    /** {@code on-hold}: paused; without an end it does not run at all. */
    ON_HOLD,
    /** {@code completed}: without an end, a single dose at its time. */
    COMPLETED,
    /** {@code stopped}: without an end, a single dose at its time. */
    STOPPED
}
