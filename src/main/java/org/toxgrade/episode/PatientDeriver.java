package org.toxgrade.episode;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.toxgrade.facts.BodyHeight;
import org.toxgrade.facts.CarTInfusion;
import org.toxgrade.facts.ContextFact;
import org.toxgrade.facts.EpisodeFactsAssembler;
import org.toxgrade.facts.NeutrophilCounts;
import org.toxgrade.facts.PatientFacts;
import org.toxgrade.flags.FlagConfig;
import org.toxgrade.flags.FlagEngine;
import org.toxgrade.flags.FlagOccurrence;
import org.toxgrade.flags.PatientContext;
import org.toxgrade.grading.EpisodeFacts;
import org.toxgrade.grading.EpisodeGrader;
import org.toxgrade.grading.EpisodeGrading;
import org.toxgrade.grading.GradingConfig;
import org.toxgrade.grading.icaht.IcahtConfig;
import org.toxgrade.grading.icaht.IcahtGrader;
import org.toxgrade.grading.icaht.IcahtGrading;
import org.toxgrade.grading.timeline.EpisodeClock;

/**
 * From a patient's stored facts to grades and flags, per episode: plan episodes from the
 * infusions, give each episode the facts of its window (baseline and neurological surveillance
 * included), assemble, grade, flag, and grade ICAHT from the neutrophil counts. CRS and ICANS are graded, and the acute flags judged, as of the
 * end of the grading window at the latest; the late neurotoxicity flags as of the end of the
 * surveillance window (docs/clinical-rules.md section 1). A pure function of its inputs, used by the stored
 * path and by {@code $grade} alike, so both give the same answer for the same data.
 */
public final class PatientDeriver {

    private final EpisodePlanner planner;
    private final EpisodeFactsAssembler assembler;
    private final GradingConfig grading;
    private final FlagConfig flags;
    private final IcahtConfig icaht;

    public PatientDeriver(EpisodePlanner planner, EpisodeFactsAssembler assembler, GradingConfig grading,
            FlagConfig flags, IcahtConfig icaht) {
        this.planner = planner;
        this.assembler = assembler;
        this.grading = grading;
        this.flags = flags;
        this.icaht = icaht;
    }

    /** The episode's day-by-day course, with the steroid tapers read by the same flag settings as the rules. */
    public CourseChart courseChart(EpisodeDerivation episode, ZoneId zone) {
        return CourseChart.of(episode, zone, FlagEngine.steroidTapers(episode.facts(), episode.grading(), flags,
                episode.grading().asOf()));
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
                    facts.facts().stream().filter(f -> window.surveys(f.time())).toList(),
                    facts.contextFacts().stream().filter(f -> window.surveys(f.time())).toList());
            EpisodeFacts episodeFacts = assembler.assemble(window.infusion(), inWindow);
            // An episode is graded as of its window's end at the latest (the grading ignores later
            // facts), and followed for late neurotoxicity as of its surveillance window's end.
            Instant gradedAsOf = earlier(asOf, window.end());
            EpisodeGrading graded = EpisodeGrader.grade(episodeFacts, grading, gradedAsOf);
            List<FlagOccurrence> raised = FlagEngine.evaluate(episodeFacts, graded, flags,
                    earlier(asOf, window.surveillanceEnd()), patientContext(facts, asOf));
            // ICAHT reads the neutrophil counts among the laboratory results, as of the same instant as CRS and ICANS.
            IcahtGrading hematotoxicity = new IcahtGrader(icaht,
                    new EpisodeClock(grading.zone(), window.infusion(), facts.birthDate()))
                    .grade(NeutrophilCounts.of(inWindow.contextFacts()), episodeFacts.drugs(), gradedAsOf);
            episodes.add(new EpisodeDerivation(window, episodeFacts, graded, hematotoxicity, raised));
        }
        return new PatientDerivation(patient, asOf, episodes);
    }

    /**
     * The patient's sex and every body height known by {@code asOf}, whatever the window: a height
     * measured at admission weeks before the infusion still gives a child's height percentile.
     */
    private static PatientContext patientContext(PatientFacts facts, Instant asOf) {
        PatientContext.Sex sex = facts.sex().map(s -> switch (s) {
            case MALE -> PatientContext.Sex.MALE;
            case FEMALE -> PatientContext.Sex.FEMALE;
            default -> PatientContext.Sex.UNKNOWN;
        }).orElse(PatientContext.Sex.UNKNOWN);
        List<PatientContext.Height> heights = new ArrayList<>();
        for (BodyHeight h : facts.heights()) {
            if (!h.time().isAfter(asOf)) {
                heights.add(new PatientContext.Height(h.id(), h.time(), h.centimetres()));
            }
        }
        return new PatientContext(sex, heights);
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
