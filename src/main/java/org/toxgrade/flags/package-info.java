/**
 * Neurotoxicity flags after CAR-T therapy (docs/clinical-rules.md section 5): plain Java like
 * {@code grading}, which it reads; no FHIR, no framework, no I/O (docs/architecture.md, package
 * {@code flags}).
 *
 * <p>Entry point: {@link org.toxgrade.flags.FlagEngine#evaluate}. One class per rule, each with
 * its definition, the spec row or seed sentence it implements and the choices the spec left open.
 *
 * <h2>Time semantics</h2>
 * <ul>
 *   <li><b>Baseline</b>: facts before the infusion are never flagged; they decide what is new
 *       (weakness, peripheral and delayed findings) and give the baseline ICE.</li>
 *   <li><b>Window</b>: facts from the infusion up to {@code asOf}, or an earlier clinician-recorded
 *       death, which ends the episode and every flag still holding.</li>
 *   <li><b>Occurrences</b>: a rule yields stretches of time; stretches that overlap or touch are one
 *       occurrence. Its start is when the rule first held, its end when it stopped (exclusive).
 *       An end at or before {@code asOf} makes the occurrence inactive with that end; otherwise it
 *       is active with no end. The next stretch that holds after an end is the next occurrence.</li>
 *   <li><b>Point findings</b> with no charted end (a seizure, a clinical PRES suspicion) hold for a
 *       configured period after they were last charted; findings with a charted opposite (blood
 *       pressure, imaging, ICANS assessments) hold until that opposite is charted.</li>
 *   <li><b>Persistent findings</b> (weakness, peripheral and delayed neurotoxicity) follow the
 *       disease, not the charting rhythm ({@link org.toxgrade.flags.FindingCourse}): one occurrence
 *       while they keep being charted within a configured silence, ended sooner by evidence of
 *       resolution where the input contract has one.</li>
 *   <li><b>Order</b>: output sorted by flag and occurrence; evidence ids by fact time then id;
 *       quoted grades by time then syndrome. No result depends on the order facts arrived in.</li>
 * </ul>
 * All windows are in {@link org.toxgrade.flags.FlagConfig}.
 *
 * <p>Every flag is provisional, like the grades it reads: the people at the bedside confirm or
 * refute it.
 */
package org.toxgrade.flags;
