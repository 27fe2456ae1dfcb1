package org.toxgrade.grading;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.toxgrade.grading.bench.SyntheticEpisode;
import org.toxgrade.grading.cases.GradingCase;

/** A clinician must be able to see why: every positive grade names its facts, rules and domains. */
class EvidenceCompletenessTest {

    @Test
    void everyPositiveGradeNamesAFactARuleAndADecisiveDomain() {
        List<EpisodeGrading> gradings = new ArrayList<>();
        for (GradingCase c : GradingCase.all()) {
            gradings.add(EpisodeGrader.grade(c.facts(), c.config(), c.asOf()));
        }
        gradings.add(EpisodeGrader.grade(SyntheticEpisode.episode(SyntheticEpisode.facts(5)), GradingConfig.defaults(),
                SyntheticEpisode.asOf()));
        int positives = 0;
        for (EpisodeGrading g : gradings) {
            for (SyndromeGrading s : List.of(g.of(Syndrome.CRS), g.of(Syndrome.ICANS))) {
                for (InstantGrade i : s.instants()) {
                    if (i.positive()) {
                        positives++;
                        String where = s.syndrome() + " at " + i.time() + ": " + i.evidence();
                        assertFalse(i.evidence().factIds().isEmpty(), "no fact ids, " + where);
                        assertFalse(i.evidence().ruleIds().isEmpty(), "no rule ids, " + where);
                        assertFalse(i.evidence().decisiveDomains().isEmpty(), "no decisive domain, " + where);
                    }
                }
            }
        }
        assertFalse(positives == 0, "no positive grade was checked");
    }

    @Test
    void gradeZeroNamesNoDecisiveDomainOrRule() {
        EpisodeGrading g = EpisodeGrader.grade(SyntheticEpisode.episode(SyntheticEpisode.facts(5)),
                GradingConfig.defaults(), SyntheticEpisode.asOf());
        for (SyndromeGrading s : List.of(g.of(Syndrome.CRS), g.of(Syndrome.ICANS))) {
            for (InstantGrade i : s.instants()) {
                if (!i.positive()) {
                    assertTrue(i.evidence().decisiveDomains().isEmpty() && i.evidence().ruleIds().isEmpty(),
                            s.syndrome() + " grade 0 with decisive evidence: " + i);
                }
            }
        }
    }
}
