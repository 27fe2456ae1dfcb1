/**
 * ASTCT 2019 grading of cytokine release syndrome (CRS) and immune effector cell-associated
 * neurotoxicity syndrome (ICANS) after CAR-T therapy. Plain Java: no FHIR, no framework, no I/O
 * (DESIGN.md, package {@code grading}); the contract is CLINICAL-SPEC sections 1-4.
 *
 * <p>Entry point: {@link org.toxgrade.grading.EpisodeGrader#grade}. Facts are records in
 * {@code grading.fact}; results are {@link org.toxgrade.grading.EpisodeGrading} with per-instant,
 * per-day and episode grades, the course (spells, recurrence, resolution) and {@link
 * org.toxgrade.grading.Evidence} for every grade.
 *
 * <h2>Time semantics</h2>
 * <ul>
 *   <li><b>Assessment instants</b>: every distinct fact time from the infusion up to {@code asOf}
 *       (or a recorded death), plus vasopressor stop times. Facts before the infusion are baseline
 *       and never graded.</li>
 *   <li><b>Point findings</b> count only at their own instant: blood pressure, ICE, CAPD, level of
 *       consciousness, seizure, motor finding, imaging, ICP sign.</li>
 *   <li><b>Fever</b> counts by look-back: a temperature >= 38.0 C in (t - 24 h, t].</li>
 *   <li><b>Vasopressors</b> count over their interval [start, end); no end means still running.</li>
 *   <li><b>Oxygen support</b> is carried forward from its observation until the next oxygen
 *       observation, for at most 12 h (inclusive).</li>
 *   <li><b>Sedatives</b> confound the level of consciousness when given in (t - 6 h, t].</li>
 *   <li><b>Fever masking</b> holds from a fever-masking drug given at or after the onset of the
 *       current CRS spell until that spell resolves.</li>
 *   <li><b>Days</b>: day 0 is the calendar day of the infusion in the configured zone.</li>
 *   <li><b>Resolution</b>: a spell resolves when the quiet period (48 h) has fully passed after its
 *       last positive instant, judged against {@code asOf}. Abatement is the first grade-0
 *       assessment after the last positive instant and no later than the resolution (for ICANS
 *       only an ICE, CAPD or consciousness assessment counts), else the last positive instant.</li>
 *   <li><b>Baseline and death</b>: a fact (for an infusion: its start) before the infusion never
 *       grades; a sedative may still confound. A clinician-recorded death ends the assessments.</li>
 * </ul>
 * All windows are configurable in {@link org.toxgrade.grading.GradingConfig}.
 *
 * <p>Every grade is provisional: ASTCT grades only findings "not attributable to any other cause",
 * which is a clinician's judgement; the notes in the evidence point at what needs it.
 */
package org.toxgrade.grading;
