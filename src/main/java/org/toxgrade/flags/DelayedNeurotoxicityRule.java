package org.toxgrade.flags;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.toxgrade.grading.InstantGrade;
import org.toxgrade.grading.Syndrome;
import org.toxgrade.grading.fact.Fact;
import org.toxgrade.grading.fact.IcpSign;
import org.toxgrade.grading.fact.MotorFinding;
import org.toxgrade.grading.fact.NeuroImaging;
import org.toxgrade.grading.fact.OtherNeuroFinding;
import org.toxgrade.grading.fact.Seizure;

/**
 * {@code delayed-neurotoxicity} (docs/clinical-rules.md section 5: "a new neurological finding after ICANS
 * has resolved, or after day 28", seed polyradiculopathy case: symptoms from day 6, EMG day 52,
 * CSF day 55, flare day 156).
 *
 * <p><b>Neurological findings</b>, each of its own kind: a seizure; deep focal or limb weakness;
 * focal, diffuse or PRES-pattern oedema on imaging; each raised-ICP sign; encephalopathy (an ICANS
 * grade of 1 or more set by the ICE, CAPD or consciousness domain); tremor, myoclonus, neuropathic
 * pain, radiculopathy, EMG denervation, CSF pleocytosis, visual disturbance, rigidity or spasms.
 * Headache is left out: too common and too unspecific after CAR-T to raise a flag on its own.
 * Intracranial haemorrhage and normal imaging are not neurotoxicity findings.
 *
 * <p>A finding <b>qualifies</b> when its episode day is after {@link FlagConfig#delayedAfterDay()}
 * (default 28) or an ICANS spell had resolved by then. It is <b>new</b> when its kind was not
 * charted before the infusion nor within {@link FlagConfig#persistentFindingHold()} (default
 * 14 days) before it: re-charting a weakness that has been there since day 6 is not new on day 30.
 * A new qualifying finding starts the flag; while it holds, any qualifying finding extends it, so a
 * delayed problem that keeps being charted keeps its flag; it holds for the persistent-finding hold
 * after the last one. Seed PRES case: ICANS resolved on day 10, the PRES-pattern MRI of day 15 is
 * new (the day-8 MRI was normal) and raises it; the day-15 ICE 9 is not, the ICE 0 of day 8 is
 * within 14 days. Evidence: the qualifying findings and encephalopathy grades.
 */
final class DelayedNeurotoxicityRule implements FlagRule {

    private static final String ENCEPHALOPATHY = "encephalopathy";

    @Override
    public NeurotoxicityFlag flag() {
        return NeurotoxicityFlag.DELAYED_NEUROTOXICITY;
    }

    @Override
    public String explanation(FlagConfig config) {
        return "New neurological finding (seizure, weakness, oedema, raised-ICP sign, encephalopathy, tremor, "
                + "myoclonus, neuropathic pain, radiculopathy, EMG denervation, CSF pleocytosis, visual disturbance, "
                + "rigidity or spasms) after day " + config.delayedAfterDay() + " or after ICANS had resolved; holds "
                + "for " + FlagRule.words(config.persistentFindingHold()) + " after the last one.";
    }

    /** One neurological finding, of one kind, at one instant. */
    private record Event(String kind, Instant time, List<String> factIds, List<GradeAt> grades) {
    }

    /** A qualifying finding and whether it is new. */
    private record Candidate(Event event, boolean fresh) {
    }

    @Override
    public List<Stretch> stretches(EpisodeView episode) {
        Set<String> baselineKinds = new HashSet<>();
        for (Event e : findings(episode, true)) {
            baselineKinds.add(e.kind());
        }
        List<Event> events = findings(episode, false);
        Duration hold = episode.config().persistentFindingHold();
        Map<String, Instant> lastSeen = new HashMap<>();
        List<Candidate> qualifying = new ArrayList<>();
        for (Event e : events) {
            Instant previous = lastSeen.get(e.kind());
            boolean fresh = !baselineKinds.contains(e.kind())
                    && (previous == null || !previous.isAfter(e.time().minus(hold)));
            lastSeen.put(e.kind(), e.time());
            if (episode.day(e.time()) > episode.config().delayedAfterDay() || episode.icansResolvedBefore(e.time())) {
                qualifying.add(new Candidate(e, fresh));
            }
        }
        // New findings first at a shared instant, so that one charted together with a new one
        // belongs to the occurrence the new one starts.
        qualifying.sort(Comparator.comparing((Candidate c) -> c.event().time())
                .thenComparing(c -> !c.fresh()));
        List<Stretch> result = new ArrayList<>();
        Instant start = null;
        Instant end = null;
        List<String> ids = new ArrayList<>();
        List<GradeAt> grades = new ArrayList<>();
        for (Candidate c : qualifying) {
            Event e = c.event();
            boolean open = start != null && e.time().isBefore(end);
            if (!open && start != null) {
                result.add(new Stretch(start, end, ids, grades));
                start = null;
            }
            if (!open && !c.fresh()) {
                continue;
            }
            if (start == null) {
                start = e.time();
                ids = new ArrayList<>();
                grades = new ArrayList<>();
            }
            end = e.time().plus(hold);
            ids.addAll(e.factIds());
            grades.addAll(e.grades());
        }
        if (start != null) {
            result.add(new Stretch(start, end, ids, grades));
        }
        return result;
    }

    /** Neurological findings, before the infusion or in the episode, in time order. */
    private static List<Event> findings(EpisodeView episode, boolean baseline) {
        List<Event> events = new ArrayList<>();
        for (Seizure s : pick(episode, episode.facts().seizures(), baseline)) {
            events.add(new Event("seizure", s.time(), List.of(s.id()), List.of()));
        }
        for (MotorFinding m : pick(episode, episode.facts().motorFindings(), baseline)) {
            events.add(new Event("motor:" + m.kind(), m.time(), List.of(m.id()), List.of()));
        }
        for (NeuroImaging i : pick(episode, episode.facts().imaging(), baseline)) {
            if (i.finding() != NeuroImaging.Finding.NORMAL
                    && i.finding() != NeuroImaging.Finding.INTRACRANIAL_HEMORRHAGE) {
                events.add(new Event("imaging:" + i.finding(), i.time(), List.of(i.id()), List.of()));
            }
        }
        for (IcpSign s : pick(episode, episode.facts().icpSigns(), baseline)) {
            events.add(new Event("icp:" + s.sign(), s.time(), List.of(s.id()), List.of()));
        }
        for (OtherNeuroFinding f : pick(episode, episode.facts().otherNeuroFindings(), baseline)) {
            if (f.kind() != OtherNeuroFinding.Kind.HEADACHE) {
                events.add(new Event("neuro:" + f.kind(), f.time(), List.of(f.id()), List.of()));
            }
        }
        if (!baseline) {
            for (InstantGrade g : episode.grades(Syndrome.ICANS)) {
                if (EpisodeView.encephalopathic(g)) {
                    events.add(new Event(ENCEPHALOPATHY, g.time(), g.evidence().factIds(),
                            List.of(EpisodeView.gradeAt(Syndrome.ICANS, g))));
                }
            }
        }
        events.sort(Comparator.comparing(Event::time).thenComparing(Event::kind));
        return events;
    }

    private static <T extends Fact> List<T> pick(EpisodeView episode, List<T> all, boolean baseline) {
        return baseline ? episode.baseline(all) : episode.episode(all);
    }
}
