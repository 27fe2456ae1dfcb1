package org.toxgrade.grading.crs;

import java.time.Duration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.toxgrade.grading.CanonicalFacts;
import org.toxgrade.grading.Domain;
import org.toxgrade.grading.EvidenceCollector;
import org.toxgrade.grading.Finding;
import org.toxgrade.grading.InstantGrade;
import org.toxgrade.grading.NotAssessedReason;
import org.toxgrade.grading.Note;
import org.toxgrade.grading.NoteCode;
import org.toxgrade.grading.RuleIds;
import org.toxgrade.grading.fact.BloodPressure;
import org.toxgrade.grading.fact.DeathAttribution;
import org.toxgrade.grading.fact.VasopressorInfusion;
import org.toxgrade.grading.timeline.EpisodeClock;
import org.toxgrade.grading.timeline.FactIndex;
import org.toxgrade.grading.timeline.IntervalSweep;

/**
 * CRS by ASTCT 2019 (docs/clinical-rules.md section 2) at every assessment instant, in time order:
 * <ul>
 *   <li><b>assessed</b> at t when a CRS parameter has a value at t: a temperature or blood pressure
 *       charted at t, an oxygen device holding at t, a vasopressor running at t or stopping at t,
 *       or a death attributed to CRS. Otherwise CRS is not assessed at t (docs/clinical-rules.md section 4),
 *       whatever the fever look-back says: the look-back qualifies an assessment, it is not one;</li>
 *   <li>hypotension and hypoxia grade when they pair with a fever (in either order, see
 *       {@link FeverCriterion}) or when fever is masked, from a masking drug given after the first
 *       positive grade of the episode to its end (see {@link FeverMasking}); the grade is then
 *       the worse of the two, and at least 1 while the fever criterion holds at t;</li>
 *   <li>fever alone, where the fever criterion holds, is grade 1; without fever or masking,
 *       hypotension and hypoxia are not CRS (grade 0, with a note);</li>
 *   <li>grade 5 only from a clinician's {@link DeathAttribution} to CRS.</li>
 * </ul>
 */
public final class CrsGrader {

    private final CanonicalFacts facts;
    private final EpisodeClock clock;
    private final FeverCriterion fever;
    private final FeverMasking masking;
    private final HypotensionRule hypotension;
    private final HypoxiaRule hypoxia;
    private final FactIndex<BloodPressure>.Cursor bloodPressures;
    private final FactIndex<DeathAttribution>.Cursor deaths;
    private boolean graded;

    /** Grades once: the rules read the facts with cursors, in the ascending order of the instants. */
    public CrsGrader(CanonicalFacts facts) {
        this.facts = facts;
        this.clock = facts.clock();
        var config = facts.config();
        this.fever = new FeverCriterion(facts.temperatures(), config.feverCelsius(), config.feverLookBack(),
                config.effectiveFeverPairingWindow());
        this.masking = new FeverMasking(facts.feverMaskingDrugs());
        this.hypotension = new HypotensionRule(config.hypotension());
        this.hypoxia = new HypoxiaRule(facts.oxygen(), config.oxygenCarryForward(),
                config.lowFlowMaxLitresPerMinute());
        this.bloodPressures = facts.bloodPressures().cursor();
        this.deaths = facts.deaths().cursor();
    }

    public List<InstantGrade> grade() {
        if (graded) {
            throw new IllegalStateException("a CrsGrader grades once");
        }
        graded = true;
        Instant[] instants = facts.assessmentInstants();
        List<InstantGrade> grades = new ArrayList<>(instants.length);
        IntervalSweep<VasopressorInfusion> vasopressors = new IntervalSweep<>(facts.vasopressorRuns());
        for (int i = 0; i < instants.length; i++) {
            Instant t = instants[i];
            InstantGrade g = gradeAt(t, facts.dayOfAssessment(i), vasopressors);
            if (g.positive()) {
                masking.recordPositive(g);
            }
            grades.add(g);
        }
        return grades;
    }

    private InstantGrade gradeAt(Instant t, int day, IntervalSweep<VasopressorInfusion> vasopressors) {
        EvidenceCollector evidence = new EvidenceCollector();
        Finding hypotensionFinding = hypotension.grade(t, bloodPressures.at(t), vasopressors.at(t),
                facts.vasopressorStopsAt(t), clock, evidence);
        Finding hypoxiaFinding = hypoxia.grade(t, evidence);
        DeathAttribution death = null;
        for (DeathAttribution d : deaths.at(t)) {
            if (d.cause() == DeathAttribution.Cause.CRS) {
                death = d;
            }
        }
        boolean temperatureAtT = fever.readingAt(t);
        if (!temperatureAtT && hypotensionFinding == null && hypoxiaFinding == null && death == null) {
            return InstantGrade.notAssessed(t, day, NotAssessedReason.NO_CRS_PARAMETER, evidence.evidenceFor(0));
        }

        Finding feverFinding = fever.at(t);
        evidence.add(feverFinding);
        boolean febrile = feverFinding != null && feverFinding.grade() > 0;
        if (febrile) {
            evidence.prerequisite(feverFinding);
        }
        boolean organDysfunction = positive(hypotensionFinding) || positive(hypoxiaFinding);
        if (organDysfunction) {
            FeverCriterion.Pairing pairing = fever.pairing(t);
            FeverMasking.Masked maskedBy = pairing == null ? masking.at(t) : null;
            if (pairing != null) {
                evidence.add(hypotensionFinding).add(hypoxiaFinding).prerequisite(pairing.fever());
                if (pairing.chartedAfter()) {
                    evidence.note(new Note(NoteCode.FEVER_CHARTED_AFTER, "fever charted after the hypotension/hypoxia, "
                            + "less than " + hours(fever.pairingWindow())
                            + " later: paired (docs/clinical-rules.md section 2, "
                            + "'paired in either order')", pairing.fever().factIds()));
                }
            } else if (maskedBy != null) {
                evidence.add(hypotensionFinding).add(hypoxiaFinding).prerequisite(maskedBy.prerequisite())
                        .note(maskedBy.note());
            } else {
                assessedOnly(hypotensionFinding, evidence);
                assessedOnly(hypoxiaFinding, evidence);
                evidence.note(new Note(NoteCode.NO_FEVER_NOT_CRS, febrile
                        ? "hypotension/hypoxia not within " + hours(fever.pairingWindow()) + " of a fever: not "
                                + "paired, not CRS by ASTCT"
                        : "hypotension/hypoxia without fever: not CRS by ASTCT",
                        factIds(hypotensionFinding, hypoxiaFinding)));
            }
        } else {
            evidence.add(hypotensionFinding).add(hypoxiaFinding);
            if (!febrile) {
                FeverMasking.Masked maskedBy = masking.at(t);
                if (maskedBy != null) {
                    evidence.prerequisite(maskedBy.prerequisite()).note(maskedBy.note());
                }
            }
        }
        int grade = evidence.maxGrade();
        if (death != null) {
            evidence.add(Finding.of(Domain.DEATH, 5, RuleIds.CRS_DEATH, death.id()));
            grade = 5;
        }
        return InstantGrade.assessed(t, day, grade, evidence.domainGrades(), evidence.evidenceFor(grade));
    }

    private static boolean positive(Finding f) {
        return f != null && f.grade() > 0;
    }

    /** Records a domain as assessed without letting it grade (it did not pair with a fever). */
    private static void assessedOnly(Finding f, EvidenceCollector evidence) {
        if (f != null) {
            evidence.assessed(f.domain(), f.grade());
        }
    }

    private static String hours(Duration d) {
        return d.toMinutes() % 60 == 0 ? d.toHours() + " h" : d.toMinutes() + " min";
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
