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
import org.toxgrade.grading.fact.CapdScore;
import org.toxgrade.grading.fact.ConsciousnessLevel;
import org.toxgrade.grading.fact.DevelopmentalInability;
import org.toxgrade.grading.fact.IceScore;
import org.toxgrade.grading.timeline.FactIndex;

/**
 * The encephalopathy domain of ASTCT 2019 ICANS: the ICE score for adults and children able to do
 * it (Table 5), the CAPD for younger children and anyone developmentally unable to do ICE
 * (Table 6; from the statement's time on, docs/clinical-rules.md section 8). Scores are point findings graded at their own instant (an ICE grades the day it was
 * taken, docs/clinical-rules.md section 4); a patient gets one tool, the other tool's scores are ignored with
 * a note and do not make the domain assessed.
 */
final class CognitiveDomain {

    /**
     * ICE: 7-9 grade 1, 3-6 grade 2, 0-2 grade 3, "0 (patient is unarousable and unable to perform
     * ICE)" grade 4, 10 grade 0. docs/clinical-rules.md section 3: ICE 0 in an awake patient with global
     * aphasia is grade 3; ICE 0 because the patient is unarousable is grade 4; an ICE that was not
     * performed is grade 4 only when the level of consciousness recorded at the same assessment is
     * unarousable, otherwise the ICE domain is not assessed at that instant and a note says why.
     * "The same assessment" is the level of consciousness charted nearest to the ICE, less than the
     * pairing window (default 1 h) before or after it; at equal distance, or several at one instant,
     * an unarousable one decides (the safer reading grades).
     *
     * @return the worst ICE finding at {@code t}, {@code null} when no ICE there could be graded
     */
    static Finding ice(Instant t, List<IceScore> scores, FactIndex<ConsciousnessLevel> consciousness,
            Duration pairingWindow, EvidenceCollector evidence) {
        if (scores.isEmpty()) {
            return null;
        }
        List<ConsciousnessLevel> sameAssessment = nearest(t, consciousness, pairingWindow);
        ConsciousnessLevel unarousable = null;
        for (ConsciousnessLevel c : sameAssessment) {
            if (c.level() == ConsciousnessLevel.Level.UNAROUSABLE) {
                unarousable = c;
                break;
            }
        }
        Finding worst = null;
        for (IceScore s : scores) {
            Finding f = ice(s, unarousable, sameAssessment, pairingWindow, evidence);
            if (f != null && (worst == null || f.grade() > worst.grade())) {
                worst = f;
            }
        }
        return worst;
    }

    private static Finding ice(IceScore s, ConsciousnessLevel unarousable, List<ConsciousnessLevel> sameAssessment,
            Duration pairingWindow, EvidenceCollector evidence) {
        if (s.notPerformed()) {
            if (unarousable != null) {
                return Finding.of(Domain.ICE, 4, RuleIds.ICANS_ICE_0_UNAROUSABLE, s.id(), unarousable.id());
            }
            String seen = sameAssessment.isEmpty()
                    ? "no level of consciousness was charted less than " + minutes(pairingWindow) + " from it"
                    : "the level of consciousness at that assessment was "
                            + sameAssessment.get(0).level().name().toLowerCase().replace('_', ' ');
            List<String> ids = new ArrayList<>();
            ids.add(s.id());
            sameAssessment.forEach(c -> ids.add(c.id()));
            evidence.note(new Note(NoteCode.ICE_NOT_PERFORMED_NOT_GRADED, "ICE not performed and " + seen
                    + ": grade 4 needs an unarousable patient, so the ICE domain is not assessed here "
                    + "(docs/clinical-rules.md section 3)", ids));
            return null;
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
     * The levels of consciousness charted nearest to {@code t}, less than {@code window} away;
     * both groups when one before and one after are equally near; empty when none is that near.
     */
    private static List<ConsciousnessLevel> nearest(Instant t, FactIndex<ConsciousnessLevel> consciousness,
            Duration window) {
        List<ConsciousnessLevel> before = consciousness.latestAtOrBefore(t);
        List<ConsciousnessLevel> after = consciousness.earliestAfter(t);
        Duration toBefore = before.isEmpty() ? null : Duration.between(before.get(0).time(), t);
        Duration toAfter = after.isEmpty() ? null : Duration.between(t, after.get(0).time());
        boolean useBefore = toBefore != null && toBefore.compareTo(window) < 0;
        boolean useAfter = toAfter != null && toAfter.compareTo(window) < 0;
        if (useBefore && useAfter) {
            int c = toBefore.compareTo(toAfter);
            if (c == 0) {
                List<ConsciousnessLevel> both = new ArrayList<>(before);
                both.addAll(after);
                return both;
            }
            return c < 0 ? before : after;
        }
        return useBefore ? before : useAfter ? after : List.of();
    }

    private static String minutes(Duration d) {
        return d.toMinutes() % 60 == 0 ? d.toHours() + " h" : d.toMinutes() + " min";
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

    /**
     * docs/clinical-rules.md section 3: "An ICE sent for a child below the cut-off is not used for grading,
     * and the evidence ... says that a CAPD is required."
     *
     * @param capdAges the ages assessed with CAPD, e.g. "below age 12"
     */
    static void noteIceBelowCapdAge(List<IceScore> scores, String capdAges, EvidenceCollector evidence) {
        for (IceScore s : scores) {
            evidence.note(Note.of(NoteCode.ICE_NOT_USED_BELOW_CAPD_AGE,
                    "ICE score not used: CAPD required " + capdAges + " (docs/clinical-rules.md section 3)", s.id()));
        }
    }

    /**
     * A patient stated developmentally unable to do the ICE is assessed with the CAPD from that
     * statement on (docs/clinical-rules.md sections 3 and 8): each ICE charted is not used, and a CAPD used
     * says why, naming the statement.
     */
    static void noteDevelopmentallyUnable(List<IceScore> ice, List<CapdScore> capd, DevelopmentalInability unable,
            EvidenceCollector evidence) {
        String since = "developmentally unable to do the ICE, as charted at " + unable.time();
        for (IceScore s : ice) {
            evidence.note(Note.of(NoteCode.ICE_NOT_USED_DEVELOPMENTALLY_UNABLE,
                    "ICE score not used: " + since + "; assessed with the CAPD (docs/clinical-rules.md section 3)",
                    s.id(),
                    unable.id()));
        }
        if (!capd.isEmpty()) {
            evidence.note(Note.of(NoteCode.CAPD_USED_DEVELOPMENTALLY_UNABLE,
                    "CAPD used instead of the ICE whatever the age: " + since + " (docs/clinical-rules.md section 3)",
                    unable.id()));
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
