package org.toxgrade.flags;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.toxgrade.grading.EpisodeFacts;
import org.toxgrade.grading.EpisodeGrading;

/**
 * Raises the neurotoxicity flags of one episode (docs/clinical-rules.md section 5). A pure function of its
 * arguments: equal facts (in any order), grading, configuration and {@code asOf} give equal
 * results, so late or corrected data only needs a re-evaluation, and a flag that no longer holds
 * comes back inactive with an end rather than disappearing.
 */
public final class FlagEngine {

    private static final List<FlagRule> RULES = List.of(new IcansOnsetRule(), new IcansHighGradeRule(),
            new SeizureRule(), new CerebralEdemaRule(), new MotorWeaknessRule(), new PresSuspectedRule(),
            new SteroidTaperReboundRule(), new DelayedNeurotoxicityRule(), new PeripheralNeurotoxicityRule(),
            new HypertensionGrade3Rule());

    private FlagEngine() {
    }

    /**
     * @param facts   the episode's facts in any order, baseline facts (before the infusion) included
     * @param grading {@code EpisodeGrader.grade(facts, gradingConfig, gradedAsOf)} for the same facts,
     *                where {@code gradedAsOf} is {@code asOf}, or the end of the grading window when it
     *                closed before (docs/clinical-rules.md section 1): the grades, and the flags that read them
     *                or acute findings, stop there; {@code delayed-neurotoxicity} and
     *                {@code peripheral-neurotoxicity} follow neurological findings up to {@code asOf}
     * @param config  site parameters, usually {@link FlagConfig#defaults()} with the grading's zone
     * @param asOf    the instant the flags are judged at: facts after it are not yet known; a flag
     *                whose end has been reached by then is inactive (the acute flags are judged at
     *                the grading's asOf)
     * @return every occurrence of every flag, sorted by flag (CodeSystem order) then occurrence
     */
    public static List<FlagOccurrence> evaluate(EpisodeFacts facts, EpisodeGrading grading, FlagConfig config,
            Instant asOf) {
        EpisodeView episode = view(facts, grading, config, asOf);
        List<FlagOccurrence> result = new ArrayList<>();
        for (FlagRule rule : RULES) {
            boolean late = rule.followsSurveillance();
            result.addAll(Occurrences.of(rule.flag(), rule.stretches(episode), episode, rule.explanation(config),
                    late ? episode.surveillanceAsOf() : episode.asOf(),
                    late ? episode.surveillanceEnd() : episode.end()));
        }
        result.sort(FlagOccurrence.ORDER);
        return List.copyOf(result);
    }

    /**
     * The corticosteroid tapers the {@code steroid-taper-rebound} rule reads from the same
     * arguments as {@link #evaluate}, in time order: what a chart marks as a taper, and what the
     * case tables check.
     */
    public static List<SteroidTaper> steroidTapers(EpisodeFacts facts, EpisodeGrading grading, FlagConfig config,
            Instant asOf) {
        return List.copyOf(SteroidTapers.of(view(facts, grading, config, asOf)));
    }

    private static EpisodeView view(EpisodeFacts facts, EpisodeGrading grading, FlagConfig config, Instant asOf) {
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(grading, "grading");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(asOf, "asOf");
        if (!grading.infusion().equals(facts.infusion()) || grading.asOf().isAfter(asOf)) {
            throw new IllegalArgumentException(
                    "the grading must be of the same episode, as of the flags' asOf or of the end of its window before");
        }
        return new EpisodeView(facts, grading, config, asOf);
    }
}
