package org.toxgrade.grading.icans;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.toxgrade.grading.CanonicalFacts;
import org.toxgrade.grading.Domain;
import org.toxgrade.grading.Evidence;
import org.toxgrade.grading.EvidenceCollector;
import org.toxgrade.grading.Finding;
import org.toxgrade.grading.GradingConfig;
import org.toxgrade.grading.InstantGrade;
import org.toxgrade.grading.NotAssessedReason;
import org.toxgrade.grading.Note;
import org.toxgrade.grading.NoteCode;
import org.toxgrade.grading.RuleIds;
import org.toxgrade.grading.fact.CapdScore;
import org.toxgrade.grading.fact.ConsciousnessLevel;
import org.toxgrade.grading.fact.DeathAttribution;
import org.toxgrade.grading.fact.DevelopmentalInability;
import org.toxgrade.grading.fact.IceScore;
import org.toxgrade.grading.fact.IcpSign;
import org.toxgrade.grading.fact.MotorFinding;
import org.toxgrade.grading.fact.NeuroImaging;
import org.toxgrade.grading.fact.OtherNeuroFinding;
import org.toxgrade.grading.fact.Seizure;
import org.toxgrade.grading.timeline.EpisodeClock;
import org.toxgrade.grading.timeline.FactIndex;

/**
 * ICANS by ASTCT 2019 (docs/clinical-rules.md section 3) at every assessment instant: the most severe of
 * the encephalopathy (ICE or CAPD), consciousness, seizure, motor and raised ICP domains. Grade 5
 * only from a clinician's {@link DeathAttribution} to ICANS.
 *
 * <p>ICANS is assessed at t when one of these domains has an observation at t (a neurological
 * assessment is a reading, not an interval: it grades its own instant and day), or a death is
 * attributed to ICANS there; otherwise it is not assessed (docs/clinical-rules.md section 4). An ICE of the
 * wrong tool for the patient's age, an ICE not performed without an unarousable patient, limb
 * weakness and findings outside the ICANS domains are noted but assess nothing.
 */
public final class IcansGrader {

    private final CanonicalFacts facts;
    private final GradingConfig config;
    private final EpisodeClock clock;
    private final ConsciousnessDomain consciousness;
    // The facts are read with cursors, in the ascending order of the instants: grade() runs once.
    private final FactIndex<IceScore>.Cursor iceScores;
    private final FactIndex<CapdScore>.Cursor capdScores;
    private final FactIndex<ConsciousnessLevel>.Cursor levels;
    private final FactIndex<Seizure>.Cursor seizures;
    private final FactIndex<MotorFinding>.Cursor motorFindings;
    private final FactIndex<NeuroImaging>.Cursor imaging;
    private final FactIndex<IcpSign>.Cursor icpSigns;
    private final FactIndex<OtherNeuroFinding>.Cursor otherNeuroFindings;
    private final FactIndex<DeathAttribution>.Cursor deaths;
    private boolean graded;

    public IcansGrader(CanonicalFacts facts) {
        this.facts = facts;
        this.config = facts.config();
        this.clock = facts.clock();
        this.consciousness = new ConsciousnessDomain(facts.sedatives().all(), config.sedationLookBack(),
                config.sedationAfterInfusion());
        this.iceScores = facts.iceScores().cursor();
        this.capdScores = facts.capdScores().cursor();
        this.levels = facts.consciousness().cursor();
        this.seizures = facts.seizures().cursor();
        this.motorFindings = facts.motorFindings().cursor();
        this.imaging = facts.imaging().cursor();
        this.icpSigns = facts.icpSigns().cursor();
        this.otherNeuroFindings = facts.otherNeuroFindings().cursor();
        this.deaths = facts.deaths().cursor();
    }

    public List<InstantGrade> grade() {
        if (graded) {
            throw new IllegalStateException("an IcansGrader grades once");
        }
        graded = true;
        Instant[] instants = facts.assessmentInstants();
        List<InstantGrade> grades = new ArrayList<>(instants.length);
        for (int i = 0; i < instants.length; i++) {
            grades.add(gradeAt(instants[i], facts.dayOfAssessment(i)));
        }
        return grades;
    }

    private InstantGrade gradeAt(Instant t, int day) {
        EvidenceCollector evidence = new EvidenceCollector();
        gradeEncephalopathy(t, evidence);
        evidence.add(consciousness.grade(t, levels.at(t), evidence));
        evidence.add(NeurologicalSigns.seizure(seizures.at(t)));
        evidence.add(NeurologicalSigns.motor(motorFindings.at(t), evidence));
        evidence.add(NeurologicalSigns.raisedIcp(imaging.at(t), icpSigns.at(t), evidence));
        NeurologicalSigns.noteUngradedFindings(otherNeuroFindings.at(t), evidence);

        int grade = evidence.maxGrade();
        for (DeathAttribution death : deaths.at(t)) {
            if (death.cause() == DeathAttribution.Cause.ICANS) {
                evidence.add(Finding.of(Domain.DEATH, 5, RuleIds.ICANS_DEATH, death.id()));
                grade = 5;
            }
        }
        if (!evidence.anyAssessed()) {
            Evidence notes = evidence.evidenceFor(0);
            return InstantGrade.notAssessed(t, day, notes.hasNote(NoteCode.ICE_NOT_PERFORMED_NOT_GRADED)
                    ? NotAssessedReason.ICE_NOT_PERFORMED
                    : NotAssessedReason.NO_NEUROLOGICAL_ASSESSMENT, notes);
        }
        return InstantGrade.assessed(t, day, grade, evidence.domainGrades(), evidence.evidenceFor(grade));
    }

    /**
     * ICE for adults and children who can do it, CAPD for the others (docs/clinical-rules.md section 3):
     * children below the cut-off age, and anyone with a statement in force at t that they are
     * developmentally unable to do the ICE (from its time on, whatever the age).
     */
    private void gradeEncephalopathy(Instant t, EvidenceCollector evidence) {
        List<IceScore> ice = iceScores.at(t);
        List<CapdScore> capd = capdScores.at(t);
        if (ice.isEmpty() && capd.isEmpty()) {
            return;
        }
        Integer age = clock.ageInYears(t);
        DevelopmentalInability unable = facts.developmentallyUnableAt(t);
        boolean belowCutoff = age != null && config.usesCapd(age);
        boolean usesCapd = unable != null || belowCutoff;
        if (age == null && unable == null) {
            List<String> ids = new ArrayList<>();
            ice.forEach(s -> ids.add(s.id()));
            capd.forEach(s -> ids.add(s.id()));
            evidence.note(new Note(NoteCode.NO_BIRTH_DATE_ADULT_RULES,
                    "no birth date: assessed as an adult, with ICE", ids));
        }
        if (usesCapd) {
            if (belowCutoff) {
                CognitiveDomain.noteIceBelowCapdAge(ice, config.capdAges(), evidence);
            } else {
                CognitiveDomain.noteDevelopmentallyUnable(ice, capd, unable, evidence);
            }
            evidence.add(CognitiveDomain.capd(capd));
        } else {
            CognitiveDomain.noteIgnoredCapd(capd, evidence);
            Finding iceFinding = CognitiveDomain.ice(t, ice, facts.consciousness(),
                    config.iceConsciousnessPairingWindow(), evidence);
            if (iceFinding != null && iceFinding.grade() == 4) {
                consciousness.noteSedation(t, evidence);
            }
            evidence.add(iceFinding);
        }
    }
}
