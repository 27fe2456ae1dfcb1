package org.toxgrade.grading;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.toxgrade.grading.fact.BloodPressure;
import org.toxgrade.grading.fact.CapdScore;
import org.toxgrade.grading.fact.ConsciousnessLevel;
import org.toxgrade.grading.fact.DeathAttribution;
import org.toxgrade.grading.fact.DrugDose;
import org.toxgrade.grading.fact.Fact;
import org.toxgrade.grading.fact.IceScore;
import org.toxgrade.grading.fact.IcpSign;
import org.toxgrade.grading.fact.MotorFinding;
import org.toxgrade.grading.fact.NeuroImaging;
import org.toxgrade.grading.fact.OtherNeuroFinding;
import org.toxgrade.grading.fact.OxygenSupport;
import org.toxgrade.grading.fact.Seizure;
import org.toxgrade.grading.fact.Temperature;
import org.toxgrade.grading.fact.VasopressorInfusion;
import org.toxgrade.grading.timeline.EpisodeClock;
import org.toxgrade.grading.timeline.Timeline;

/**
 * The facts of an episode prepared for grading, done once before any rule runs:
 * <ul>
 *   <li>every list is sorted canonically (time, id, value), so that the result never depends on
 *       arrival order (CLINICAL-SPEC section 4);</li>
 *   <li>only facts in the graded window [infusion, end] take part, where end is {@code asOf} or
 *       an earlier clinician-recorded death (an episode ends on death, CLINICAL-SPEC section 1).
 *       Facts before the infusion are baseline and never graded; facts after {@code asOf} are not
 *       yet known. A vasopressor counts when its start lies in the window. The one exception are
 *       sedatives: one given shortly before the infusion can still depress consciousness after it,
 *       so any sedative up to the end of the window may confound the level of consciousness;</li>
 *   <li>the assessment instants are computed: every distinct fact time in the window plus the
 *       vasopressor stop times in it.</li>
 * </ul>
 */
public final class CanonicalFacts {

    /** Tolerance for comparing measured doubles with thresholds (100.4 F converts to 38.0 C only approximately). */
    public static final double EPSILON = 1e-9;

    private final EpisodeFacts facts;
    private final GradingConfig config;
    private final EpisodeClock clock;
    private final Instant windowEnd;
    private final Timeline<Temperature> febrileTemperatures;
    private final Timeline<BloodPressure> bloodPressures;
    private final Timeline<VasopressorInfusion> vasopressors;
    private final Timeline<OxygenSupport> oxygen;
    private final Timeline<IceScore> iceScores;
    private final Timeline<CapdScore> capdScores;
    private final Timeline<ConsciousnessLevel> consciousness;
    private final Timeline<Seizure> seizures;
    private final Timeline<MotorFinding> motorFindings;
    private final Timeline<NeuroImaging> imaging;
    private final Timeline<IcpSign> icpSigns;
    private final Timeline<OtherNeuroFinding> otherNeuroFindings;
    private final Timeline<DrugDose> feverMaskingDrugs;
    private final Timeline<DrugDose> sedatives;
    private final Timeline<DeathAttribution> deaths;
    private final Instant[] assessmentInstants;
    private final int[] assessmentDays;

    public CanonicalFacts(EpisodeFacts facts, GradingConfig config, Instant asOf) {
        this.facts = facts;
        this.config = config;
        this.clock = new EpisodeClock(config.zone(), facts.infusion(), facts.birthDate());
        this.windowEnd = endOfWindow(facts, asOf);
        Predicate<Fact> inWindow = f -> inWindow(f.time());
        this.febrileTemperatures = Timeline.of(facts.temperatures(),
                t -> inWindow(t.time()) && t.celsius() >= config.feverCelsius() - EPSILON);
        this.bloodPressures = Timeline.of(facts.bloodPressures(), inWindow);
        this.vasopressors = Timeline.of(facts.vasopressors(), inWindow);
        this.oxygen = Timeline.of(facts.oxygen(), inWindow);
        this.iceScores = Timeline.of(facts.iceScores(), inWindow);
        this.capdScores = Timeline.of(facts.capdScores(), inWindow);
        this.consciousness = Timeline.of(facts.consciousness(), inWindow);
        this.seizures = Timeline.of(facts.seizures(), inWindow);
        this.motorFindings = Timeline.of(facts.motorFindings(), inWindow);
        this.imaging = Timeline.of(facts.imaging(), inWindow);
        this.icpSigns = Timeline.of(facts.icpSigns(), inWindow);
        this.otherNeuroFindings = Timeline.of(facts.otherNeuroFindings(), inWindow);
        this.feverMaskingDrugs = Timeline.of(facts.drugs(), d -> inWindow(d.time()) && d.category().masksFever());
        this.sedatives = Timeline.of(facts.drugs(),
                d -> d.category() == DrugDose.Category.SEDATIVE && !d.time().isAfter(windowEnd));
        this.deaths = Timeline.of(facts.deaths(), inWindow);
        this.assessmentInstants = collectInstants();
        this.assessmentDays = new int[assessmentInstants.length];
        for (int i = 0; i < assessmentDays.length; i++) {
            assessmentDays[i] = clock.day(assessmentInstants[i]);
        }
    }

    private static Instant endOfWindow(EpisodeFacts facts, Instant asOf) {
        Instant end = asOf;
        for (DeathAttribution d : facts.deaths()) {
            if (!d.time().isBefore(facts.infusion()) && d.time().isBefore(end)) {
                end = d.time();
            }
        }
        return end;
    }

    private boolean inWindow(Instant t) {
        return !t.isBefore(facts.infusion()) && !t.isAfter(windowEnd);
    }

    private Instant[] collectInstants() {
        List<Instant> all = new ArrayList<>();
        for (Fact f : facts.allFacts()) {
            if (inWindow(f.time())) {
                all.add(f.time());
            }
        }
        for (VasopressorInfusion v : vasopressors.all()) {
            if (v.end() != null && inWindow(v.end())) {
                all.add(v.end());
            }
        }
        Instant[] sorted = all.toArray(new Instant[0]);
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (distinct == 0 || !sorted[i].equals(sorted[distinct - 1])) {
                sorted[distinct++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, distinct);
    }

    /** Whether an ICE, CAPD or level of consciousness was charted at {@code t}. */
    public boolean hasEncephalopathyAssessmentAt(Instant t) {
        return !iceScores.at(t).isEmpty() || !capdScores.at(t).isEmpty() || !consciousness.at(t).isEmpty();
    }

    public Instant infusion() {
        return facts.infusion();
    }

    public boolean developmentallyUnableForIce() {
        return facts.developmentallyUnableForIce();
    }

    public GradingConfig config() {
        return config;
    }

    public EpisodeClock clock() {
        return clock;
    }

    /** Assessment instants in ascending order, without duplicates. The caller must not modify it. */
    public Instant[] assessmentInstants() {
        return assessmentInstants;
    }

    /** Episode day of the assessment instant at {@code index}, computed once for both syndromes. */
    public int dayOfAssessment(int index) {
        return assessmentDays[index];
    }

    public Timeline<Temperature> febrileTemperatures() {
        return febrileTemperatures;
    }

    public Timeline<BloodPressure> bloodPressures() {
        return bloodPressures;
    }

    public Timeline<VasopressorInfusion> vasopressors() {
        return vasopressors;
    }

    public Timeline<OxygenSupport> oxygen() {
        return oxygen;
    }

    public Timeline<IceScore> iceScores() {
        return iceScores;
    }

    public Timeline<CapdScore> capdScores() {
        return capdScores;
    }

    public Timeline<ConsciousnessLevel> consciousness() {
        return consciousness;
    }

    public Timeline<Seizure> seizures() {
        return seizures;
    }

    public Timeline<MotorFinding> motorFindings() {
        return motorFindings;
    }

    public Timeline<NeuroImaging> imaging() {
        return imaging;
    }

    public Timeline<IcpSign> icpSigns() {
        return icpSigns;
    }

    public Timeline<OtherNeuroFinding> otherNeuroFindings() {
        return otherNeuroFindings;
    }

    public Timeline<DrugDose> feverMaskingDrugs() {
        return feverMaskingDrugs;
    }

    public Timeline<DrugDose> sedatives() {
        return sedatives;
    }

    public Timeline<DeathAttribution> deaths() {
        return deaths;
    }
}
