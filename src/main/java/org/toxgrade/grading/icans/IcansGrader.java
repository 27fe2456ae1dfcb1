package org.toxgrade.grading.icans;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.toxgrade.grading.CanonicalFacts;
import org.toxgrade.grading.Domain;
import org.toxgrade.grading.EvidenceCollector;
import org.toxgrade.grading.Finding;
import org.toxgrade.grading.GradingConfig;
import org.toxgrade.grading.InstantGrade;
import org.toxgrade.grading.Note;
import org.toxgrade.grading.NoteCode;
import org.toxgrade.grading.RuleIds;
import org.toxgrade.grading.fact.CapdScore;
import org.toxgrade.grading.fact.ConsciousnessLevel;
import org.toxgrade.grading.fact.DeathAttribution;
import org.toxgrade.grading.fact.IceScore;
import org.toxgrade.grading.timeline.EpisodeClock;

/**
 * ICANS by ASTCT 2019 (CLINICAL-SPEC section 3) at every assessment instant: the most severe of
 * the encephalopathy (ICE or CAPD), consciousness, seizure, motor and raised ICP domains. Grade 5
 * only from a clinician's {@link DeathAttribution} to ICANS.
 */
public final class IcansGrader {

    private final CanonicalFacts facts;
    private final GradingConfig config;
    private final EpisodeClock clock;
    private final ConsciousnessDomain consciousness;

    public IcansGrader(CanonicalFacts facts) {
        this.facts = facts;
        this.config = facts.config();
        this.clock = facts.clock();
        this.consciousness = new ConsciousnessDomain(facts.sedatives(), config.sedationLookBack());
    }

    public List<InstantGrade> grade() {
        Instant[] instants = facts.assessmentInstants();
        List<InstantGrade> grades = new ArrayList<>(instants.length);
        for (int i = 0; i < instants.length; i++) {
            grades.add(gradeAt(instants[i], facts.dayOfAssessment(i)));
        }
        return grades;
    }

    private InstantGrade gradeAt(Instant t, int day) {
        EvidenceCollector evidence = new EvidenceCollector();
        List<ConsciousnessLevel> levels = facts.consciousness().at(t);
        gradeEncephalopathy(t, levels, evidence);
        evidence.add(consciousness.grade(t, levels, evidence));
        evidence.add(NeurologicalSigns.seizure(facts.seizures().at(t)));
        evidence.add(NeurologicalSigns.motor(facts.motorFindings().at(t), evidence));
        evidence.add(NeurologicalSigns.raisedIcp(facts.imaging().at(t), facts.icpSigns().at(t), evidence));
        NeurologicalSigns.noteUngradedFindings(facts.otherNeuroFindings().at(t), evidence);

        int grade = evidence.maxGrade();
        for (DeathAttribution death : facts.deaths().at(t)) {
            if (death.cause() == DeathAttribution.Cause.ICANS) {
                evidence.add(Finding.of(Domain.DEATH, 5, RuleIds.ICANS_DEATH, death.id()));
                grade = 5;
            }
        }
        return new InstantGrade(t, day, grade, evidence.evidenceFor(grade));
    }

    /** ICE for adults and children who can do it, CAPD for the others (CLINICAL-SPEC section 3). */
    private void gradeEncephalopathy(Instant t, List<ConsciousnessLevel> levels, EvidenceCollector evidence) {
        List<IceScore> ice = facts.iceScores().at(t);
        List<CapdScore> capd = facts.capdScores().at(t);
        if (ice.isEmpty() && capd.isEmpty()) {
            return;
        }
        Integer age = clock.ageInYears(t);
        boolean usesCapd = facts.developmentallyUnableForIce() || (age != null && config.usesCapd(age));
        if (age == null && !facts.developmentallyUnableForIce()) {
            List<String> ids = new ArrayList<>();
            ice.forEach(s -> ids.add(s.id()));
            capd.forEach(s -> ids.add(s.id()));
            evidence.note(new Note(NoteCode.NO_BIRTH_DATE_ADULT_RULES,
                    "no birth date: assessed as an adult, with ICE", ids));
        }
        if (usesCapd) {
            CognitiveDomain.noteIgnoredIce(ice, evidence);
            evidence.add(CognitiveDomain.capd(capd));
        } else {
            CognitiveDomain.noteIgnoredCapd(capd, evidence);
            Finding iceFinding = CognitiveDomain.ice(ice, levels);
            if (iceFinding != null && iceFinding.grade() == 4) {
                consciousness.noteSedation(t, evidence);
            }
            evidence.add(iceFinding);
        }
    }
}
