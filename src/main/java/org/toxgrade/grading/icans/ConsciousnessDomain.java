package org.toxgrade.grading.icans;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.toxgrade.grading.Domain;
import org.toxgrade.grading.EvidenceCollector;
import org.toxgrade.grading.Finding;
import org.toxgrade.grading.Note;
import org.toxgrade.grading.NoteCode;
import org.toxgrade.grading.RuleIds;
import org.toxgrade.grading.fact.ConsciousnessLevel;
import org.toxgrade.grading.fact.DrugDose;
import org.toxgrade.grading.timeline.FactIndex;

/**
 * ASTCT 2019 ICANS "depressed level of consciousness": alert 0, awakens spontaneously 1, to voice
 * 2, only to tactile stimulus 3, unarousable 4. The consensus grades only depression "not
 * attributable to any other cause"; CLINICAL-SPEC section 3 asks that a sedative given in the
 * prior hours marks the finding as confounded while the grade is still computed, so the clinician
 * decides.
 */
final class ConsciousnessDomain {

    private final FactIndex<DrugDose> sedatives;
    private final Duration lookBack;

    ConsciousnessDomain(FactIndex<DrugDose> sedatives, Duration lookBack) {
        this.sedatives = sedatives;
        this.lookBack = lookBack;
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
        DrugDose sedative = sedatives.latestWithin(t, lookBack);
        if (sedative != null) {
            // Same text for the LOC and the ICE finding, so the collector keeps one note.
            evidence.note(Note.of(NoteCode.CONSCIOUSNESS_CONFOUNDED_BY_SEDATION, "depressed consciousness may be due "
                    + "to " + sedative.agent() + " given at " + sedative.time()
                    + "; confirm it is not attributable to sedation", sedative.id()));
        }
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
