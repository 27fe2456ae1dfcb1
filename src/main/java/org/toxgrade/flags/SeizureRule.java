package org.toxgrade.flags;

import java.util.ArrayList;
import java.util.List;
import org.toxgrade.grading.fact.Seizure;

/**
 * {@code seizure} (docs/clinical-rules.md section 5: "seizure finding, clinical or EEG (incl. seizure-like
 * EEG activity)", seed PRES case day 8: "cEEG revealed seizure-like activity"). Every seizure of
 * any kind charted in the episode starts or extends the flag; there is no fact that charts a
 * seizure as over, so it holds for {@link FlagConfig#pointFindingHold()} (default 72 h) after the
 * last one. Baseline seizures (before the infusion) are history, not flags.
 */
final class SeizureRule implements FlagRule {

    @Override
    public NeurotoxicityFlag flag() {
        return NeurotoxicityFlag.SEIZURE;
    }

    @Override
    public String explanation(FlagConfig config) {
        return "Seizure charted, clinical or on EEG (including seizure-like EEG activity); holds for "
                + FlagRule.words(config.pointFindingHold()) + " after the last one.";
    }

    @Override
    public List<Stretch> stretches(EpisodeView episode) {
        List<Stretch> result = new ArrayList<>();
        for (Seizure s : episode.episode(episode.facts().seizures())) {
            result.add(Stretch.held(s.time(), episode.config().pointFindingHold(), List.of(s.id()), List.of()));
        }
        return result;
    }
}
