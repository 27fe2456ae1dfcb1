package org.toxgrade.grading.icans;

import java.util.List;
import org.toxgrade.grading.Domain;
import org.toxgrade.grading.EvidenceCollector;
import org.toxgrade.grading.Finding;
import org.toxgrade.grading.Note;
import org.toxgrade.grading.NoteCode;
import org.toxgrade.grading.RuleIds;
import org.toxgrade.grading.fact.CapdScore;
import org.toxgrade.grading.fact.ConsciousnessLevel;
import org.toxgrade.grading.fact.IceScore;

/**
 * The encephalopathy domain of ASTCT 2019 ICANS: the ICE score for adults and children able to do
 * it (Table 5), the CAPD for younger children and anyone developmentally unable to do ICE
 * (Table 6). Scores are point findings graded at their own instant (an ICE grades the day it was
 * taken, CLINICAL-SPEC section 4); a patient gets one tool, the other tool's scores are ignored with
 * a note and do not make the domain assessed.
 */
final class CognitiveDomain {

    /**
     * ICE: 7-9 grade 1, 3-6 grade 2, 0-2 grade 3, "0 (patient is unarousable and unable to perform
     * ICE)" grade 4, 10 grade 0. CLINICAL-SPEC section 3: ICE 0 in an awake patient with global
     * aphasia is grade 3. Unarousable is read from the score's own flag or from a charted
     * unarousable level of consciousness at the same instant.
     *
     * @return the worst ICE finding, {@code null} when there is no ICE
     */
    static Finding ice(List<IceScore> scores, List<ConsciousnessLevel> consciousnessAtT) {
        ConsciousnessLevel unarousable = null;
        for (ConsciousnessLevel c : consciousnessAtT) {
            if (c.level() == ConsciousnessLevel.Level.UNAROUSABLE) {
                unarousable = c;
                break;
            }
        }
        Finding worst = null;
        for (IceScore s : scores) {
            Finding f = ice(s, unarousable);
            if (worst == null || f.grade() > worst.grade()) {
                worst = f;
            }
        }
        return worst;
    }

    private static Finding ice(IceScore s, ConsciousnessLevel unarousable) {
        if (s.unableBecauseUnarousable()) {
            return Finding.of(Domain.ICE, 4, RuleIds.ICANS_ICE_0_UNAROUSABLE, s.id());
        }
        int score = s.score();
        if (score == 0 && unarousable != null) {
            return Finding.of(Domain.ICE, 4, RuleIds.ICANS_ICE_0_UNAROUSABLE, s.id(), unarousable.id());
        }
        if (score <= 2) {
            return Finding.of(Domain.ICE, 3, RuleIds.ICANS_ICE_0_2, s.id());
        }
        if (score <= 6) {
            return Finding.of(Domain.ICE, 2, RuleIds.ICANS_ICE_3_6, s.id());
        }
        if (score <= 9) {
            return Finding.of(Domain.ICE, 1, RuleIds.ICANS_ICE_7_9, s.id());
        }
        return Finding.nothingFound(Domain.ICE);
    }

    /**
     * CAPD (ASTCT Table 6): 1-8 grade 1 (grade 2 comes from "awakens to voice" in the
     * consciousness domain), >= 9 grade 3, unable to perform grade 4; 0 is no delirium.
     */
    static Finding capd(List<CapdScore> scores) {
        Finding worst = null;
        for (CapdScore s : scores) {
            Finding f;
            if (s.unableToPerform()) {
                f = Finding.of(Domain.CAPD, 4, RuleIds.ICANS_CAPD_UNABLE, s.id());
            } else if (s.score() >= 9) {
                f = Finding.of(Domain.CAPD, 3, RuleIds.ICANS_CAPD_9_OR_MORE, s.id());
            } else if (s.score() >= 1) {
                f = Finding.of(Domain.CAPD, 1, RuleIds.ICANS_CAPD_1_8, s.id());
            } else {
                f = Finding.nothingFound(Domain.CAPD);
            }
            if (worst == null || f.grade() > worst.grade()) {
                worst = f;
            }
        }
        return worst;
    }

    static void noteIgnoredIce(List<IceScore> scores, EvidenceCollector evidence) {
        for (IceScore s : scores) {
            evidence.note(Note.of(NoteCode.ICE_IGNORED_FOR_CAPD_PATIENT,
                    "ICE score charted for a patient assessed with CAPD (age below the cut-off or "
                            + "developmentally unable): not used",
                    s.id()));
        }
    }

    static void noteIgnoredCapd(List<CapdScore> scores, EvidenceCollector evidence) {
        for (CapdScore s : scores) {
            evidence.note(Note.of(NoteCode.CAPD_IGNORED_FOR_ICE_PATIENT,
                    "CAPD charted for a patient assessed with ICE: not used", s.id()));
        }
    }

    private CognitiveDomain() {
    }
}
