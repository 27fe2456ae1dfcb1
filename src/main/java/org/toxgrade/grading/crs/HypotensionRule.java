package org.toxgrade.grading.crs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.toxgrade.grading.CanonicalFacts;
import org.toxgrade.grading.Domain;
import org.toxgrade.grading.EvidenceCollector;
import org.toxgrade.grading.Finding;
import org.toxgrade.grading.HypotensionThresholds;
import org.toxgrade.grading.Note;
import org.toxgrade.grading.NoteCode;
import org.toxgrade.grading.RuleIds;
import org.toxgrade.grading.fact.BloodPressure;
import org.toxgrade.grading.fact.VasopressorInfusion;
import org.toxgrade.grading.timeline.EpisodeClock;
import org.toxgrade.grading.timeline.Holding;

/**
 * ASTCT 2019 CRS hypotension column:
 * <ul>
 *   <li>grade 2 "hypotension not requiring vasopressors": a reading at t below the age threshold;</li>
 *   <li>grade 3 "requiring a vasopressor with or without vasopressin": one agent running, vasopressin
 *       alone included (docs/clinical-rules.md section 2: vasopressin alone counts as one);</li>
 *   <li>grade 4 "requiring multiple vasopressors (excluding vasopressin)": two or more distinct
 *       non-vasopressin agents running.</li>
 * </ul>
 * A running vasopressor is itself evidence of hypotension (docs/clinical-rules.md section 2), whatever the
 * reading at t. Readings are point findings; infusions count over their run (see
 * {@code AdministrationRuns}). The domain is assessed at t when a reading was charted at t, a
 * vasopressor is running at t, or a run stops at t (from then the patient is off it); otherwise it
 * is not assessed and the rule returns {@code null}.
 */
final class HypotensionRule {

    private final HypotensionThresholds thresholds;

    HypotensionRule(HypotensionThresholds thresholds) {
        this.thresholds = thresholds;
    }

    Finding grade(Instant t, List<BloodPressure> readingsAtT, List<Holding<VasopressorInfusion>> running,
            boolean runStopsAtT, EpisodeClock clock, EvidenceCollector evidence) {
        if (readingsAtT.isEmpty() && running.isEmpty() && !runStopsAtT) {
            return null;
        }
        boolean birthDateKnown = clock.birthDateKnown();
        Integer ageYears = readingsAtT.isEmpty() ? null : clock.ageInYears(t);
        List<String> lowReadings = new ArrayList<>(1);
        for (BloodPressure bp : readingsAtT) {
            if (isHypotensive(bp, ageYears, evidence)) {
                lowReadings.add(bp.id());
                if (!birthDateKnown) {
                    evidence.note(Note.of(NoteCode.NO_BIRTH_DATE_ADULT_RULES,
                            "no birth date: adult hypotension thresholds used", bp.id()));
                }
            }
        }
        if (!running.isEmpty()) {
            return vasopressorFinding(running, lowReadings);
        }
        if (lowReadings.isEmpty()) {
            return Finding.nothingFound(Domain.HYPOTENSION);
        }
        return new Finding(Domain.HYPOTENSION, 2, lowReadings, List.of(RuleIds.CRS_HYPOTENSION_NO_VASOPRESSOR));
    }

    private static Finding vasopressorFinding(List<Holding<VasopressorInfusion>> running, List<String> lowReadings) {
        Set<VasopressorInfusion.Agent> nonVasopressin = EnumSet.noneOf(VasopressorInfusion.Agent.class);
        List<String> ids = new ArrayList<>(running.size() + lowReadings.size());
        for (Holding<VasopressorInfusion> run : running) {
            VasopressorInfusion v = run.fact();
            ids.add(v.id());
            if (v.agent() != VasopressorInfusion.Agent.VASOPRESSIN) {
                nonVasopressin.add(v.agent());
            }
        }
        ids.addAll(lowReadings);
        boolean multiple = nonVasopressin.size() >= 2;
        return new Finding(Domain.HYPOTENSION, multiple ? 4 : 3, ids, List.of(multiple
                ? RuleIds.CRS_HYPOTENSION_MULTIPLE_VASOPRESSORS
                : RuleIds.CRS_HYPOTENSION_ONE_VASOPRESSOR));
    }

    private boolean isHypotensive(BloodPressure bp, Integer ageYears, EvidenceCollector evidence) {
        double systolicBelow = thresholds.systolicBelow(ageYears);
        if (bp.systolic() != null && bp.systolic() < systolicBelow - CanonicalFacts.EPSILON) {
            return true;
        }
        double meanBelow = thresholds.meanBelow(ageYears);
        Double mean = bp.meanOrEstimate();
        if (Double.isNaN(meanBelow) || mean == null || mean >= meanBelow - CanonicalFacts.EPSILON) {
            return false;
        }
        if (bp.meanIsComputable()) {
            evidence.note(Note.of(NoteCode.MAP_ESTIMATED,
                    "MAP not charted; estimated as (systolic + 2 x diastolic) / 3", bp.id()));
        }
        return true;
    }
}
