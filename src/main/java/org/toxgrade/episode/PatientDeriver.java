package org.toxgrade.episode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.toxgrade.facts.CarTInfusion;
import org.toxgrade.facts.ContextFact;
import org.toxgrade.facts.EpisodeFactsAssembler;
import org.toxgrade.facts.PatientFacts;
import org.toxgrade.flags.FlagConfig;
import org.toxgrade.flags.FlagEngine;
import org.toxgrade.flags.FlagOccurrence;
import org.toxgrade.grading.EpisodeFacts;
import org.toxgrade.grading.EpisodeGrader;
import org.toxgrade.grading.EpisodeGrading;
import org.toxgrade.grading.GradingConfig;

/**
 * From a patient's stored facts to grades and flags, per episode: plan episodes from the
 * infusions, give each episode the facts of its window (baseline included), assemble, grade, flag.
 * A pure function of its inputs, used by the stored path and by {@code $grade} alike, so both give
 * the same answer for the same data.
 */
public final class PatientDeriver {

    private final EpisodePlanner planner;
    private final EpisodeFactsAssembler assembler;
    private final GradingConfig grading;
    private final FlagConfig flags;

    public PatientDeriver(EpisodePlanner planner, EpisodeFactsAssembler assembler, GradingConfig grading,
            FlagConfig flags) {
        this.planner = planner;
        this.assembler = assembler;
        this.grading = grading;
        this.flags = flags;
    }

    public PatientDerivation derive(String patient, PatientFacts facts, Instant asOf) {
        List<CarTInfusion> infusions = new ArrayList<>();
        for (ContextFact fact : facts.contextFacts()) {
            if (fact instanceof CarTInfusion infusion && !infusion.time().isAfter(asOf)) {
                infusions.add(infusion);
            }
        }
        List<EpisodeDerivation> episodes = new ArrayList<>();
        for (EpisodeWindow window : planner.plan(patient, infusions)) {
            PatientFacts inWindow = new PatientFacts(facts.birthDate(), facts.developmentallyUnableForIce(),
                    facts.facts().stream().filter(f -> window.contains(f.time())).toList(),
                    facts.contextFacts().stream().filter(f -> window.contains(f.time())).toList());
            EpisodeFacts episodeFacts = assembler.assemble(window.infusion(), inWindow);
            // An episode is judged as of its window's end at the latest: later facts belong to the next.
            Instant episodeAsOf = asOf.isBefore(window.end()) ? asOf : window.end();
            EpisodeGrading graded = EpisodeGrader.grade(episodeFacts, grading, episodeAsOf);
            List<FlagOccurrence> raised = FlagEngine.evaluate(episodeFacts, graded, flags, episodeAsOf);
            episodes.add(new EpisodeDerivation(window, episodeFacts, graded, raised));
        }
        return new PatientDerivation(patient, asOf, episodes);
    }
}
