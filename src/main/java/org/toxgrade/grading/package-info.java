/**
 * ASTCT 2019 grading of cytokine release syndrome (CRS) and immune effector cell-associated
 * neurotoxicity syndrome (ICANS) after CAR-T therapy. Plain Java: no FHIR, no framework, no I/O
 * (docs/architecture.md, package {@code grading}); the contract is docs/clinical-rules.md sections 1-4.
 *
 * <p>Entry point: {@link org.toxgrade.grading.EpisodeGrader#grade}. Facts are records in
 * {@code grading.fact}; results are {@link org.toxgrade.grading.EpisodeGrading} with per-instant,
 * per-day and episode grades, the course (spells, recurrence, resolution) and {@link
 * org.toxgrade.grading.Evidence} for every grade, keyed by {@link org.toxgrade.grading.Syndrome}; what
 * differs between the syndromes' gradings is their entry in {@code SyndromeGraders}. Hematotoxicity (ICAHT) is
 * graded apart, from the neutrophil counts, in {@code grading.icaht}.
 *
 * <h2>State between observations</h2>
 * Grades describe the patient's state over time (docs/clinical-rules.md section 4). Facts are of two kinds:
 * <ul>
 *   <li><b>Readings</b> count at their own instant: temperature, blood pressure, ICE, CAPD, level of
 *       consciousness, seizure, motor finding, imaging, ICP sign. A reading creates no instants
 *       after it; the fever reaches later instants only through its look-back.</li>
 *   <li><b>Intervals</b> ({@link org.toxgrade.grading.timeline.Interval}) hold between facts:
 *       <ul>
 *         <li>a <b>vasopressor</b> runs by docs/clinical-rules.md section 2, "Administrations over time"
 *             ({@link org.toxgrade.grading.timeline.AdministrationRuns}): an {@code effectivePeriod}
 *             [start, end); {@code in-progress} without an end until a later record of the same
 *             agent (the line), else still running; {@code completed}/{@code stopped} without an end
 *             a single dose at its instant; {@code on-hold} not at all; no status (facts stored
 *             before statuses were kept) [start, end), no end = still running;</li>
 *         <li>an <b>oxygen device</b> holds from its observation until the next oxygen observation,
 *             for at most the carry-forward (12 h, inclusive);</li>
 *         <li>a <b>sedative</b> confounds the level of consciousness: a dose for the sedation
 *             look-back after it (6 h), an infusion (same status rules, line = agent) while it runs
 *             and for the after-infusion time after it ends (6 h).</li>
 *       </ul></li>
 *   <li>A <b>state</b> holds from its statement on until a later one: a developmental inability to
 *       do the ICE ({@link org.toxgrade.grading.fact.DevelopmentalInability}) has the CAPD used
 *       instead of the ICE whatever the age, also when it was charted before the infusion; it makes
 *       no assessment instant.</li>
 * </ul>
 *
 * <h2>Assessment instants</h2>
 * Every distinct fact time from the infusion up to {@code asOf} (or a recorded death), every end of
 * a vasopressor run, and every day boundary (midnight in the facility zone, {@link
 * org.toxgrade.grading.timeline.EpisodeClock}) that a vasopressor run or an oxygen holding spans, so
 * that a day on support is graded even when nothing was charted that day. Sedative intervals only
 * qualify consciousness readings and add no instants. Facts before the infusion (for an
 * administration: its start) are baseline: they never grade, and a vasopressor or oxygen device
 * charted before it does not reach into the episode; a sedative may still confound.
 *
 * <h2>Three values</h2>
 * Each syndrome, and each domain, at an instant and on a day is a grade, 0 (assessed, nothing
 * found) or <b>not assessed</b> ({@link org.toxgrade.grading.InstantGrade#grade()} empty, with a
 * {@link org.toxgrade.grading.NotAssessedReason}); the two are never confused.
 * <ul>
 *   <li><b>CRS</b> is assessed at t when a temperature or blood pressure was charted at t, an oxygen
 *       device holds at t, or a vasopressor runs or stops at t. The fever domain at t is the
 *       latest temperature in the look-back (t - 24 h, t]: 1 if it is a fever, 0 if not (the latest
 *       reading decides); a fever in the look-back qualifies an assessment but is not one.
 *       Hypotension and hypoxia grade when paired with a fever less than the pairing window
 *       (default: the fever look-back) before or after them, in either order, or when fever is
 *       masked.</li>
 *   <li><b>ICANS</b> is assessed at t when an ICE or CAPD (the patient's tool), level of
 *       consciousness, seizure, deep focal motor finding, imaging or ICP sign was charted at t. An
 *       ICE not performed grades 4 only with an unarousable level of consciousness charted less
 *       than 1 h from it; otherwise the ICE domain is not assessed and a note says why.</li>
 *   <li><b>Days</b>: day 0 is the calendar day of the infusion in the configured zone; every day
 *       from day 0 to the day of the window end has a {@link org.toxgrade.grading.DayGrade}: the
 *       maximum of the day's assessed instants, or not assessed when none was.</li>
 *   <li><b>Episode</b>: the maximum over assessed instants, not assessed when none was.</li>
 * </ul>
 *
 * <h2>Course</h2>
 * <ul>
 *   <li><b>Fever masking</b> holds from a fever-masking drug given at or after the first positive
 *       CRS grade of the episode until the episode ends, across resolved spells (docs/clinical-rules.md
 *       section 2); the note names the drug and that first grade.</li>
 *   <li><b>Resolution</b>: a spell resolves when the quiet period (48 h) has fully passed after its
 *       last positive instant, judged against {@code asOf}. Abatement is the first assessed grade-0
 *       instant after the last positive instant and no later than the resolution (for ICANS only an
 *       ICE, CAPD or consciousness assessment counts), else the last positive instant.</li>
 *   <li><b>Death</b>: a clinician-recorded death ends the assessments.</li>
 * </ul>
 * All windows are configurable in {@link org.toxgrade.grading.GradingConfig}.
 *
 * <p>Every grade is provisional: ASTCT grades only findings "not attributable to any other cause",
 * which is a clinician's judgement; the notes in the evidence point at what needs it.
 */
package org.toxgrade.grading;
