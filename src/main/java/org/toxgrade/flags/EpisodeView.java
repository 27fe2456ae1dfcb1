package org.toxgrade.flags;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.toxgrade.grading.Domain;
import org.toxgrade.grading.EpisodeFacts;
import org.toxgrade.grading.EpisodeGrading;
import org.toxgrade.grading.InstantGrade;
import org.toxgrade.grading.Spell;
import org.toxgrade.grading.Syndrome;
import org.toxgrade.grading.fact.BloodPressure;
import org.toxgrade.grading.fact.DeathAttribution;
import org.toxgrade.grading.fact.Fact;
import org.toxgrade.grading.fact.IceScore;
import org.toxgrade.grading.timeline.EpisodeClock;

/**
 * The facts and grades of one episode as the flag rules read them, prepared once:
 * <ul>
 *   <li>facts are split into <b>baseline</b> (before the infusion, docs/clinical-rules.md section 1) and
 *       <b>episode</b> facts (from the infusion to the end of the episode), each list in canonical
 *       order (time, id, value) so that no result depends on arrival order;</li>
 *   <li>the end of the episode is the grading's {@code asOf}, or an earlier clinician-recorded
 *       death, as in the grading; facts after it are not yet known or no longer part of the
 *       episode's grading window;</li>
 *   <li>the end of the <b>surveillance</b> is the flags' {@code asOf} (at or after the grading's),
 *       or an earlier death: the late neurotoxicity flags follow neurological findings up to it
 *       (docs/clinical-rules.md section 1), when the grading window has closed before;</li>
 *   <li>blood pressure components charted as separate observations at one instant are combined.</li>
 * </ul>
 */
final class EpisodeView {

    private final EpisodeFacts facts;
    private final EpisodeGrading grading;
    private final FlagConfig config;
    private final Instant asOf;
    private final Instant end;
    private final Instant surveillanceAsOf;
    private final Instant surveillanceEnd;
    private final EpisodeClock clock;
    private final Map<String, Instant> factTimes = new HashMap<>();
    private final Set<Instant> encephalopathyAssessments = new HashSet<>();
    private final HypertensionLimits limits;

    /** @param asOf the flags' asOf: the surveillance's; the grading's asOf is the grading window's */
    EpisodeView(EpisodeFacts facts, EpisodeGrading grading, FlagConfig config, Instant asOf, PatientContext patient) {
        this.facts = facts;
        this.limits = new HypertensionLimits(facts.birthDate(), patient, config);
        this.grading = grading;
        this.config = config;
        this.asOf = grading.asOf();
        this.end = endOfEpisode(facts, this.asOf);
        this.surveillanceAsOf = asOf;
        this.surveillanceEnd = endOfEpisode(facts, asOf);
        this.clock = new EpisodeClock(config.zone(), facts.infusion(), null);
        for (Fact f : facts.allFacts()) {
            factTimes.merge(f.id(), f.time(), (a, b) -> a.isBefore(b) ? a : b);
        }
        episode(facts.iceScores()).forEach(f -> encephalopathyAssessments.add(f.time()));
        episode(facts.capdScores()).forEach(f -> encephalopathyAssessments.add(f.time()));
        episode(facts.consciousness()).forEach(f -> encephalopathyAssessments.add(f.time()));
    }

    private static Instant endOfEpisode(EpisodeFacts facts, Instant asOf) {
        Instant end = asOf;
        for (DeathAttribution d : facts.deaths()) {
            if (!d.time().isBefore(facts.infusion()) && d.time().isBefore(end)) {
                end = d.time();
            }
        }
        return end;
    }

    FlagConfig config() {
        return config;
    }

    EpisodeFacts facts() {
        return facts;
    }

    Instant infusion() {
        return facts.infusion();
    }

    /** The instant the acute rules are judged at: the grading's {@code asOf}. */
    Instant asOf() {
        return asOf;
    }

    /** {@code asOf}, or an earlier death that ended the episode. */
    Instant end() {
        return end;
    }

    /** The instant the late neurotoxicity rules are judged at: the flags' {@code asOf}. */
    Instant surveillanceAsOf() {
        return surveillanceAsOf;
    }

    /** {@link #surveillanceAsOf()}, or an earlier death that ended the episode. */
    Instant surveillanceEnd() {
        return surveillanceEnd;
    }

    /** Episode day of {@code t}: day 0 is the calendar day of the infusion in the facility zone. */
    int day(Instant t) {
        return clock.day(t);
    }

    /** Time of the fact with this id; for an id no fact carries (never expected), the epoch. */
    Instant timeOf(String factId) {
        return factTimes.getOrDefault(factId, Instant.EPOCH);
    }

    /** Facts from the infusion to the end of the episode, canonical order. */
    <T extends Fact> List<T> episode(List<T> all) {
        return between(all, end);
    }

    /** Facts from the infusion to the end of the surveillance, canonical order. */
    <T extends Fact> List<T> surveillance(List<T> all) {
        return between(all, surveillanceEnd);
    }

    private <T extends Fact> List<T> between(List<T> all, Instant last) {
        List<T> result = new ArrayList<>();
        for (T f : all) {
            if (!f.time().isBefore(facts.infusion()) && !f.time().isAfter(last)) {
                result.add(f);
            }
        }
        result.sort(Fact.CANONICAL_ORDER);
        return result;
    }

    /** Facts before the infusion, canonical order. */
    <T extends Fact> List<T> baseline(List<T> all) {
        List<T> result = new ArrayList<>();
        for (T f : all) {
            if (f.time().isBefore(facts.infusion())) {
                result.add(f);
            }
        }
        result.sort(Fact.CANONICAL_ORDER);
        return result;
    }

    /** The kinds seen in the baseline facts of one type, by {@code kind}. */
    <T extends Fact, K> Set<K> baselineKinds(List<T> all, Function<T, K> kind) {
        Set<K> kinds = new HashSet<>();
        for (T f : baseline(all)) {
            kinds.add(kind.apply(f));
        }
        return kinds;
    }

    /** The latest pre-infusion ICE score with a value, the patient's own baseline; empty when none. */
    Optional<IceScore> baselineIce() {
        List<IceScore> baseline = baseline(facts.iceScores());
        for (int i = baseline.size() - 1; i >= 0; i--) {
            if (baseline.get(i).score() != null) {
                return Optional.of(baseline.get(i));
            }
        }
        return Optional.empty();
    }

    /** The grade 3 hypertension limit for a reading at {@code t}: by the patient's age, sex and height. */
    HypertensionLimit hypertensionLimit(Instant t) {
        return limits.at(t);
    }

    /** Whether the adult blood pressure limits applied at the infusion (an adult, or no birth date). */
    boolean adultLimitsAtInfusion() {
        return limits.adultAt(facts.infusion());
    }

    /** Episode blood pressure readings, one per instant, in time order. */
    List<BloodPressureReading> bloodPressures() {
        List<BloodPressureReading> readings = new ArrayList<>();
        List<BloodPressure> atInstant = new ArrayList<>();
        for (BloodPressure bp : episode(facts.bloodPressures())) {
            if (!atInstant.isEmpty() && !atInstant.get(0).time().equals(bp.time())) {
                readings.add(BloodPressureReading.of(atInstant));
                atInstant.clear();
            }
            atInstant.add(bp);
        }
        if (!atInstant.isEmpty()) {
            readings.add(BloodPressureReading.of(atInstant));
        }
        return readings;
    }

    List<InstantGrade> grades(Syndrome syndrome) {
        return grading.of(syndrome).instants();
    }

    List<Spell> spells(Syndrome syndrome) {
        return grading.of(syndrome).course().spells();
    }

    /** The spell of {@code syndrome} that is open at {@code t}: onset <= t < resolution. */
    Optional<Spell> spellAt(Syndrome syndrome, Instant t) {
        for (Spell s : spells(syndrome)) {
            boolean started = !s.onset().isAfter(t);
            boolean notResolved = s.resolvedAt().map(t::isBefore).orElse(true);
            if (started && notResolved) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** Whether an ICANS spell had resolved at or before {@code t}. */
    boolean icansResolvedBefore(Instant t) {
        for (Spell s : spells(Syndrome.ICANS)) {
            if (s.resolvedAt().isPresent() && !s.resolvedAt().get().isAfter(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a grade says something about the syndrome at its instant: never where the syndrome was
     * not assessed. Every assessed CRS instant re-judges fever, vasopressors and oxygen; an ICANS
     * grade 0 means something only where an ICE, CAPD or level of consciousness was charted (the
     * grading's abatement rule, see its package overview).
     */
    boolean informative(Syndrome syndrome, InstantGrade g) {
        if (!g.assessed()) {
            return false;
        }
        return switch (syndrome) {
            case CRS -> true;
            case ICANS -> g.positive() || encephalopathyAssessments.contains(g.time());
        };
    }

    /** Whether an ICE, CAPD or level-of-consciousness assessment was charted at {@code t}. */
    boolean encephalopathyAssessedAt(Instant t) {
        return encephalopathyAssessments.contains(t);
    }

    /** Whether a positive ICANS grade rests on the encephalopathy or consciousness domains. */
    static boolean encephalopathic(InstantGrade g) {
        List<Domain> domains = g.evidence().decisiveDomains();
        return g.positive() && (domains.contains(Domain.ICE) || domains.contains(Domain.CAPD)
                || domains.contains(Domain.CONSCIOUSNESS));
    }

    /** The grade quoted in a flag's evidence; only assessed instants are quoted. */
    static GradeAt gradeAt(Syndrome syndrome, InstantGrade g) {
        return new GradeAt(syndrome, g.time(), g.grade().orElseThrow());
    }
}
