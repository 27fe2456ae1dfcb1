package org.toxgrade.grading;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.toxgrade.grading.fact.BloodPressure;
import org.toxgrade.grading.fact.CapdScore;
import org.toxgrade.grading.fact.ConsciousnessLevel;
import org.toxgrade.grading.fact.DeathAttribution;
import org.toxgrade.grading.fact.DevelopmentalInability;
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
import org.toxgrade.grading.timeline.AdministrationRuns;
import org.toxgrade.grading.timeline.EpisodeClock;
import org.toxgrade.grading.timeline.FactIndex;
import org.toxgrade.grading.timeline.Holding;
import org.toxgrade.grading.timeline.Interval;

/**
 * The facts of an episode prepared for grading, done once before any rule runs:
 * <ul>
 *   <li>every list is sorted canonically (time, id, value), so that the result never depends on
 *       arrival order (docs/clinical-rules.md section 4);</li>
 *   <li>only facts in the graded window [infusion, end] take part, where end is {@code asOf} or
 *       an earlier clinician-recorded death (an episode ends on death, docs/clinical-rules.md section 1).
 *       Facts before the infusion are baseline and never graded; facts after {@code asOf} are not
 *       yet known. A vasopressor counts when its start lies in the window. Two exceptions:
 *       sedatives, since one given shortly before the infusion can still depress consciousness
 *       after it, so any sedative up to the end of the window may confound the level of
 *       consciousness; and statements of developmental inability to do the ICE, a state that holds
 *       from its time on whenever it was charted;</li>
 *   <li>what holds between observations is laid out as intervals: vasopressor runs (by status
 *       and line, {@link AdministrationRuns}) and oxygen devices (until the next device
 *       observation, for at most the carry-forward);</li>
 *   <li>the assessment instants are computed (docs/clinical-rules.md section 4): every distinct fact time in
 *       the window, every end of a vasopressor run in it, and every day boundary (midnight in the
 *       facility zone) that a vasopressor run or an oxygen device holding spans, so that a day on
 *       support is graded even when nothing was charted that day. Sedative intervals only qualify
 *       the level-of-consciousness readings charted inside them, and a developmental inability
 *       only chooses the tool (CAPD or ICE), so they add no instants of their own: nothing could be
 *       assessed there.</li>
 * </ul>
 */
public final class CanonicalFacts {

    /** Tolerance for comparing measured doubles with thresholds (100.4 F converts to 38.0 C only approximately). */
    public static final double EPSILON = 1e-9;

    private final EpisodeFacts facts;
    private final GradingConfig config;
    private final EpisodeClock clock;
    private final Instant windowEnd;
    private final FactIndex<Temperature> temperatures;
    private final FactIndex<BloodPressure> bloodPressures;
    private final FactIndex<VasopressorInfusion> vasopressors;
    private final List<Holding<VasopressorInfusion>> vasopressorRuns;
    private final Set<Instant> vasopressorStops = new HashSet<>();
    private final FactIndex<OxygenSupport> oxygen;
    private final FactIndex<IceScore> iceScores;
    private final FactIndex<CapdScore> capdScores;
    private final FactIndex<ConsciousnessLevel> consciousness;
    private final FactIndex<Seizure> seizures;
    private final FactIndex<MotorFinding> motorFindings;
    private final FactIndex<NeuroImaging> imaging;
    private final FactIndex<IcpSign> icpSigns;
    private final FactIndex<OtherNeuroFinding> otherNeuroFindings;
    private final FactIndex<DrugDose> feverMaskingDrugs;
    private final FactIndex<DrugDose> sedatives;
    private final FactIndex<DeathAttribution> deaths;
    private final FactIndex<DevelopmentalInability> developmentalInability;
    private final Instant[] assessmentInstants;
    private final int[] assessmentDays;

    public CanonicalFacts(EpisodeFacts facts, GradingConfig config, Instant asOf) {
        this.facts = facts;
        this.config = config;
        this.clock = new EpisodeClock(config.zone(), facts.infusion(), facts.birthDate());
        this.windowEnd = endOfWindow(facts, asOf);
        Predicate<Fact> inWindow = f -> inWindow(f.time());
        this.temperatures = FactIndex.of(facts.temperatures(), inWindow);
        this.bloodPressures = FactIndex.of(facts.bloodPressures(), inWindow);
        this.vasopressors = FactIndex.of(facts.vasopressors(), inWindow);
        this.vasopressorRuns = AdministrationRuns.of(vasopressors.all(), VasopressorInfusion::agent,
                VasopressorInfusion::end, VasopressorInfusion::status, true);
        for (Holding<VasopressorInfusion> run : vasopressorRuns) {
            Interval interval = run.interval();
            if (!interval.open() && !interval.endInclusive() && inWindow(interval.end())) {
                vasopressorStops.add(interval.end());
            }
        }
        this.oxygen = FactIndex.of(facts.oxygen(), inWindow);
        this.iceScores = FactIndex.of(facts.iceScores(), inWindow);
        this.capdScores = FactIndex.of(facts.capdScores(), inWindow);
        this.consciousness = FactIndex.of(facts.consciousness(), inWindow);
        this.seizures = FactIndex.of(facts.seizures(), inWindow);
        this.motorFindings = FactIndex.of(facts.motorFindings(), inWindow);
        this.imaging = FactIndex.of(facts.imaging(), inWindow);
        this.icpSigns = FactIndex.of(facts.icpSigns(), inWindow);
        this.otherNeuroFindings = FactIndex.of(facts.otherNeuroFindings(), inWindow);
        this.feverMaskingDrugs = FactIndex.of(facts.drugs(), d -> inWindow(d.time()) && d.category().masksFever());
        this.sedatives = FactIndex.of(facts.drugs(),
                d -> d.category() == DrugDose.Category.SEDATIVE && !d.time().isAfter(windowEnd));
        this.deaths = FactIndex.of(facts.deaths(), inWindow);
        // A state from its time on: a statement charted before the infusion still holds in the episode.
        this.developmentalInability = FactIndex.of(facts.developmentalInability(), d -> !d.time().isAfter(windowEnd));
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
            // A statement of developmental inability changes which tool grades, it is no assessment.
            if (inWindow(f.time()) && !(f instanceof DevelopmentalInability)) {
                all.add(f.time());
            }
        }
        all.addAll(vasopressorStops);
        for (Holding<VasopressorInfusion> run : vasopressorRuns) {
            addDayBoundaries(run.interval(), all);
        }
        for (Interval holding : oxygenHoldings()) {
            addDayBoundaries(holding, all);
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

    /**
     * How long each oxygen observation holds: until the next oxygen observation (exclusive), for at
     * most the carry-forward (inclusive), as {@code HypoxiaRule} reads it.
     */
    private List<Interval> oxygenHoldings() {
        List<OxygenSupport> all = oxygen.all();
        List<Interval> holdings = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Instant start = all.get(i).time();
            if (i + 1 < all.size() && all.get(i + 1).time().equals(start)) {
                continue;
            }
            Instant carried = start.plus(config.oxygenCarryForward());
            OxygenSupport next = i + 1 < all.size() ? all.get(i + 1) : null;
            holdings.add(next != null && !next.time().isAfter(carried)
                    ? Interval.halfOpen(start, next.time())
                    : Interval.closed(start, carried));
        }
        return holdings;
    }

    /** Adds each midnight (facility zone) after the start of {@code interval} that it holds at, up to the window end. */
    private void addDayBoundaries(Interval interval, List<Instant> into) {
        int day = clock.day(interval.start());
        while (true) {
            Instant boundary = clock.startOfDay(++day);
            if (boundary.isAfter(windowEnd) || !interval.contains(boundary)) {
                return;
            }
            if (inWindow(boundary)) {
                into.add(boundary);
            }
        }
    }

    /** Whether an ICE, CAPD or level of consciousness was charted at {@code t}. */
    public boolean hasEncephalopathyAssessmentAt(Instant t) {
        return !iceScores.at(t).isEmpty() || !capdScores.at(t).isEmpty() || !consciousness.at(t).isEmpty();
    }

    public Instant infusion() {
        return facts.infusion();
    }

    /**
     * The statement in force at {@code t} that the patient is developmentally unable to do the ICE
     * (docs/clinical-rules.md sections 3 and 8): the latest statement at or before {@code t}, when it says so;
     * {@code null} when there is none or the latest says the patient is able. Of several statements at
     * one instant, one saying unable decides, so that no one is asked to do an ICE they cannot.
     */
    public DevelopmentalInability developmentallyUnableAt(Instant t) {
        for (DevelopmentalInability d : developmentalInability.latestAtOrBefore(t)) {
            if (d.unable()) {
                return d;
            }
        }
        return null;
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

    /** The end of the graded window: {@code asOf}, or an earlier clinician-recorded death. */
    public Instant windowEnd() {
        return windowEnd;
    }

    /** All temperatures in the window; whether one is a fever is the fever criterion's call. */
    public FactIndex<Temperature> temperatures() {
        return temperatures;
    }

    /** Vasopressor runs of the window, ordered by start (docs/clinical-rules.md section 2, administrations over time). */
    public List<Holding<VasopressorInfusion>> vasopressorRuns() {
        return vasopressorRuns;
    }

    /** Whether a vasopressor run ends at {@code t}: the patient is known to be off that vasopressor from then. */
    public boolean vasopressorStopsAt(Instant t) {
        return vasopressorStops.contains(t);
    }

    public FactIndex<BloodPressure> bloodPressures() {
        return bloodPressures;
    }

    public FactIndex<VasopressorInfusion> vasopressors() {
        return vasopressors;
    }

    public FactIndex<OxygenSupport> oxygen() {
        return oxygen;
    }

    public FactIndex<IceScore> iceScores() {
        return iceScores;
    }

    public FactIndex<CapdScore> capdScores() {
        return capdScores;
    }

    public FactIndex<ConsciousnessLevel> consciousness() {
        return consciousness;
    }

    public FactIndex<Seizure> seizures() {
        return seizures;
    }

    public FactIndex<MotorFinding> motorFindings() {
        return motorFindings;
    }

    public FactIndex<NeuroImaging> imaging() {
        return imaging;
    }

    public FactIndex<IcpSign> icpSigns() {
        return icpSigns;
    }

    public FactIndex<OtherNeuroFinding> otherNeuroFindings() {
        return otherNeuroFindings;
    }

    public FactIndex<DrugDose> feverMaskingDrugs() {
        return feverMaskingDrugs;
    }

    public FactIndex<DrugDose> sedatives() {
        return sedatives;
    }

    public FactIndex<DeathAttribution> deaths() {
        return deaths;
    }
}
