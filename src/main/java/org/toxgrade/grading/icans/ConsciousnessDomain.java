package org.toxgrade.grading.icans;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.toxgrade.grading.Domain;
import org.toxgrade.grading.EvidenceCollector;
import org.toxgrade.grading.Finding;
import org.toxgrade.grading.Note;
import org.toxgrade.grading.NoteCode;
import org.toxgrade.grading.RuleIds;
import org.toxgrade.grading.fact.ConsciousnessLevel;
import org.toxgrade.grading.fact.DrugDose;
import org.toxgrade.grading.timeline.AdministrationRuns;
import org.toxgrade.grading.timeline.Holding;
import org.toxgrade.grading.timeline.Interval;

/**
 * ASTCT 2019 ICANS "depressed level of consciousness": alert 0, awakens spontaneously 1, to voice
 * 2, only to tactile stimulus 3, unarousable 4. The consensus grades only depression "not
 * attributable to any other cause"; docs/clinical-rules.md section 3 asks that sedation marks the finding
 * as confounded while the grade is still computed, so the clinician decides.
 *
 * <p>A sedative confounds over an interval (docs/clinical-rules.md sections 2 and 3, the administration
 * rules of {@link AdministrationRuns}, line = agent):
 * <ul>
 *   <li>a dose given at an instant (or a period record {@code completed}/{@code stopped} without an
 *       end, a single dose at its time) confounds from its time for the sedation look-back
 *       (default 6 h: the window (t - 6 h, t]);</li>
 *   <li>an infusion confounds while it runs and for the after-infusion time after it ends
 *       (default 6 h); one still running ({@code in-progress}, no end, no later record of the same
 *       agent) confounds for as long as it runs;</li>
 *   <li>a record on hold does not run and confounds nothing.</li>
 * </ul>
 */
final class ConsciousnessDomain {

    /** A sedative, how long it ran (a single instant for a dose) and how long it confounds. */
    private record Confounder(DrugDose sedative, Interval run, Interval effect) {
    }

    private final List<Confounder> confounders;

    /**
     * @param sedatives          sedative administrations up to the end of the graded window
     * @param doseLookBack       how long a dose confounds after it is given
     * @param afterInfusion      how long an infusion confounds after it ends
     */
    ConsciousnessDomain(List<DrugDose> sedatives, Duration doseLookBack, Duration afterInfusion) {
        List<Holding<DrugDose>> runs = AdministrationRuns.of(sedatives, d -> d.category() + "/" + d.agent(),
                DrugDose::end, DrugDose::status, false);
        this.confounders = new ArrayList<>(runs.size());
        for (Holding<DrugDose> run : runs) {
            Interval i = run.interval();
            Interval effect = i.endInclusive() && i.end().equals(i.start())
                    ? Interval.halfOpen(i.start(), i.start().plus(doseLookBack))
                    : i.extendedBy(afterInfusion);
            confounders.add(new Confounder(run.fact(), i, effect));
        }
    }

    Finding grade(Instant t, List<ConsciousnessLevel> levels, EvidenceCollector evidence) {
        Finding worst = null;
        for (ConsciousnessLevel c : levels) {
            Finding f = grade(c);
            if (worst == null || f.grade() > worst.grade()) {
                worst = f;
            }
        }
        if (worst != null && worst.grade() > 0) {
            noteSedation(t, evidence);
        }
        return worst;
    }

    /** Marks a depressed-consciousness finding (from LOC or an unarousable ICE) as possibly due to sedation. */
    void noteSedation(Instant t, EvidenceCollector evidence) {
        Confounder latest = null;
        for (Confounder c : confounders) {
            if (c.effect().start().isAfter(t)) {
                break;
            }
            if (c.effect().contains(t)) {
                latest = c;
            }
        }
        if (latest != null) {
            // Same text for the LOC and the ICE finding, so the collector keeps one note.
            evidence.note(Note.of(NoteCode.CONSCIOUSNESS_CONFOUNDED_BY_SEDATION, "depressed consciousness may be due "
                    + "to " + describe(latest, t) + "; confirm it is not attributable to sedation",
                    latest.sedative().id()));
        }
    }

    private static String describe(Confounder c, Instant t) {
        String agent = c.sedative().agent();
        Interval run = c.run();
        if (run.endInclusive() && run.end().equals(run.start())) {
            return agent + " given at " + run.start();
        }
        if (run.contains(t)) {
            return agent + " infusion running since " + run.start();
        }
        return agent + " infused from " + run.start() + " to " + run.end();
    }

    private static Finding grade(ConsciousnessLevel c) {
        switch (c.level()) {
            case ALERT:
                return Finding.nothingFound(Domain.CONSCIOUSNESS);
            case AWAKENS_SPONTANEOUSLY:
                return Finding.of(Domain.CONSCIOUSNESS, 1, RuleIds.ICANS_LOC_AWAKENS_SPONTANEOUSLY, c.id());
            case AWAKENS_TO_VOICE:
                return Finding.of(Domain.CONSCIOUSNESS, 2, RuleIds.ICANS_LOC_AWAKENS_TO_VOICE, c.id());
            case AWAKENS_TO_TOUCH:
                return Finding.of(Domain.CONSCIOUSNESS, 3, RuleIds.ICANS_LOC_AWAKENS_TO_TOUCH, c.id());
            case UNAROUSABLE:
                return Finding.of(Domain.CONSCIOUSNESS, 4, RuleIds.ICANS_LOC_UNAROUSABLE, c.id());
            default:
                throw new IllegalStateException("unhandled level of consciousness " + c.level());
        }
    }
}
