package org.toxgrade.grading.crs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.toxgrade.grading.CanonicalFacts;
import org.toxgrade.grading.Domain;
import org.toxgrade.grading.EvidenceCollector;
import org.toxgrade.grading.Finding;
import org.toxgrade.grading.InstantGrade;
import org.toxgrade.grading.Note;
import org.toxgrade.grading.NoteCode;
import org.toxgrade.grading.RuleIds;
import org.toxgrade.grading.course.SpellTracker;
import org.toxgrade.grading.fact.DeathAttribution;
import org.toxgrade.grading.timeline.EpisodeClock;

/**
 * CRS by ASTCT 2019 (CLINICAL-SPEC section 2) at every assessment instant, in time order:
 * with fever, the grade is the worse of hypotension and hypoxia and at least 1; without fever it is
 * 0 unless fever is masked (see {@link FeverMasking}), in which case hypotension and hypoxia alone
 * grade it. Grade 5 only from a clinician's {@link DeathAttribution} to CRS.
 */
public final class CrsGrader {

    private final CanonicalFacts facts;
    private final EpisodeClock clock;
    private final FeverCriterion fever;
    private final FeverMasking masking;
    private final HypotensionRule hypotension;
    private final HypoxiaRule hypoxia;

    public CrsGrader(CanonicalFacts facts) {
        this.facts = facts;
        this.clock = facts.clock();
        var config = facts.config();
        this.fever = new FeverCriterion(facts.febrileTemperatures(), config.feverLookBack());
        this.masking = new FeverMasking(facts.feverMaskingDrugs());
        this.hypotension = new HypotensionRule(config.hypotension());
        this.hypoxia = new HypoxiaRule(facts.oxygen(), config.oxygenCarryForward(),
                config.lowFlowMaxLitresPerMinute());
    }

    public List<InstantGrade> grade() {
        Instant[] instants = facts.assessmentInstants();
        List<InstantGrade> grades = new ArrayList<>(instants.length);
        SpellTracker spells = new SpellTracker(facts.config().quietPeriod());
        VasopressorSweep vasopressors = new VasopressorSweep(facts.vasopressors().all());
        for (int i = 0; i < instants.length; i++) {
            Instant t = instants[i];
            InstantGrade g = gradeAt(t, facts.dayOfAssessment(i), spells, vasopressors);
            if (g.positive()) {
                spells.recordPositive(t);
            }
            grades.add(g);
        }
        return grades;
    }

    private InstantGrade gradeAt(Instant t, int day, SpellTracker spells, VasopressorSweep vasopressors) {
        EvidenceCollector evidence = new EvidenceCollector();
        Finding hypotensionFinding = hypotension.grade(t, facts.bloodPressures().at(t), vasopressors.runningAt(t),
                clock, evidence);
        Finding hypoxiaFinding = hypoxia.grade(t, evidence);
        evidence.add(hypotensionFinding).add(hypoxiaFinding);

        int grade;
        Finding feverFinding = fever.at(t);
        if (feverFinding != null) {
            evidence.add(feverFinding).prerequisite(feverFinding);
            grade = Math.max(1, evidence.maxGrade());
        } else {
            Finding maskedBy = masking.at(t, spells);
            if (maskedBy != null) {
                evidence.prerequisite(maskedBy).note(new Note(NoteCode.FEVER_MASKED,
                        "no fever, but CRS was present and fever-masking treatment was given since its onset: "
                                + "fever not required (ASTCT CRS footnote)",
                        maskedBy.factIds()));
                grade = evidence.maxGrade();
            } else {
                grade = 0;
                if (hypotensionFinding != null || hypoxiaFinding != null) {
                    evidence.note(new Note(NoteCode.NO_FEVER_NOT_CRS,
                            "hypotension/hypoxia without fever: not CRS by ASTCT", factIds(hypotensionFinding,
                                    hypoxiaFinding)));
                }
            }
        }

        for (DeathAttribution death : facts.deaths().at(t)) {
            if (death.cause() == DeathAttribution.Cause.CRS) {
                evidence.add(Finding.of(Domain.DEATH, 5, RuleIds.CRS_DEATH, death.id()));
                grade = 5;
            }
        }
        return new InstantGrade(t, day, grade, evidence.evidenceFor(grade));
    }

    private static List<String> factIds(Finding a, Finding b) {
        List<String> ids = new ArrayList<>();
        if (a != null) {
            ids.addAll(a.factIds());
        }
        if (b != null) {
            ids.addAll(b.factIds());
        }
        return ids;
    }
}
