package org.toxgrade.flags;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.toxgrade.grading.InstantGrade;
import org.toxgrade.grading.Spell;
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
 * Headache and generalised weakness are left out: too common and too unspecific after CAR-T (and
 * after weeks of high-dose steroids: seed PRES case day 15, "profound fatigue, and generalized
 * weakness", day 21 "muscular deconditioning") to raise a flag on their own.
 * Intracranial haemorrhage and normal imaging are not neurotoxicity findings.
 *
 * <p>A finding <b>qualifies</b> when its episode day is after {@link FlagConfig#delayedAfterDay()}
 * (default 28) or an ICANS spell had resolved by then. The findings are followed as one
 * {@link FindingCourse}: a kind stays active {@link FlagConfig#persistentFindingSilence()} (default
 * 28 days) after it was last charted, or until the evidence of its resolution the input contract
 * can give: a later imaging study without that finding, or, for encephalopathy, the resolution of
 * its ICANS spell. A finding is <b>new</b> when its kind was not charted before the infusion nor
 * within the silence before it: re-charting a weakness that has been there since day 6 is not new
 * on day 30, and a recurrence soon after a resolution is the same problem coming back (seed PRES
 * case: the day-12 somnolence, two days after the day-8 ICANS resolved, is its rebound, not a
 * delayed neurotoxicity). A new qualifying finding starts the flag; while it holds, any qualifying
 * finding joins it, so a delayed problem that keeps being charted keeps one occurrence. Seed PRES
 * case: ICANS resolved on day 10, the PRES-pattern MRI of day 15 is new (the day-8 MRI was normal)
 * and raises it; the day-15 ICE 9 is not, the ICE 0 of day 8 being within the silence. Evidence:
 * the qualifying findings and encephalopathy grades.
 */
final class DelayedNeurotoxicityRule implements FlagRule {

    private static final String ENCEPHALOPATHY = "encephalopathy";
    private static final String IMAGING = "imaging:";
    private static final Set<OtherNeuroFinding.Kind> UNSPECIFIC = EnumSet.of(OtherNeuroFinding.Kind.HEADACHE,
            OtherNeuroFinding.Kind.GENERALIZED_WEAKNESS);

    @Override
    public NeurotoxicityFlag flag() {
        return NeurotoxicityFlag.DELAYED_NEUROTOXICITY;
    }

    @Override
    public String explanation(FlagConfig config) {
        return "New neurological finding (seizure, weakness, oedema, raised-ICP sign, encephalopathy, tremor, "
                + "myoclonus, neuropathic pain, radiculopathy, EMG denervation, CSF pleocytosis, visual disturbance, "
                + "rigidity or spasms) after day " + config.delayedAfterDay() + " or after ICANS had resolved; holds "
                + "while findings are charted within " + FlagRule.words(config.persistentFindingSilence())
                + " of each other, until imaging no longer shows an imaging finding and an encephalopathy's ICANS "
                + "spell has resolved.";
    }

    /** One neurological finding, of one kind, at one instant. */
    private record Event(String kind, Instant time, List<String> factIds, List<GradeAt> grades) {
    }

    @Override
    public boolean followsSurveillance() {
        return true;
    }

    @Override
    public List<Stretch> stretches(EpisodeView episode) {
        Set<String> baselineKinds = new HashSet<>();
        for (Event e : findings(episode, true)) {
            baselineKinds.add(e.kind());
        }
        List<ImagingStudy> studies = ImagingStudy.ofSurveillance(episode);
        BiFunction<String, Instant, Optional<Instant>> resolution = (kind, t) -> resolution(episode, studies, kind, t);
        Duration silence = episode.config().persistentFindingSilence();
        Map<String, Instant> lastSeen = new HashMap<>();
        List<FindingCourse.Finding> qualifying = new ArrayList<>();
        for (Event e : findings(episode, false)) {
            Instant previous = lastSeen.get(e.kind());
            boolean fresh = !baselineKinds.contains(e.kind())
                    && (previous == null || previous.plus(silence).isBefore(e.time()));
            lastSeen.put(e.kind(), e.time());
            FindingCourse.Finding finding = new FindingCourse.Finding(e.kind(), e.time(), e.factIds(), e.grades(),
                    fresh);
            if (episode.day(e.time()) > episode.config().delayedAfterDay() || episode.icansResolvedBefore(e.time())) {
                qualifying.add(finding);
            }
        }
        // New findings first at a shared instant, so that one charted together with a new one
        // belongs to the occurrence the new one starts.
        qualifying.sort(Comparator.comparing(FindingCourse.Finding::time).thenComparing(f -> !f.mayStart()));
        return FindingCourse.stretches(qualifying, silence, resolution);
    }

    /** Evidence of resolution after {@code t}: a study without the imaging finding, the end of an ICANS spell. */
    private static Optional<Instant> resolution(EpisodeView episode, List<ImagingStudy> studies, String kind,
            Instant t) {
        if (kind.startsWith(IMAGING)) {
            NeuroImaging.Finding finding = NeuroImaging.Finding.valueOf(kind.substring(IMAGING.length()));
            for (ImagingStudy s : studies) {
                if (s.time().isAfter(t) && !s.reports(finding)) {
                    return Optional.of(s.time());
                }
            }
            return Optional.empty();
        }
        if (kind.equals(ENCEPHALOPATHY)) {
            return episode.spellAt(Syndrome.ICANS, t).flatMap(Spell::resolvedAt).filter(r -> r.isAfter(t));
        }
        return Optional.empty();
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
                events.add(new Event(IMAGING + i.finding().name(), i.time(), List.of(i.id()), List.of()));
            }
        }
        for (IcpSign s : pick(episode, episode.facts().icpSigns(), baseline)) {
            events.add(new Event("icp:" + s.sign(), s.time(), List.of(s.id()), List.of()));
        }
        for (OtherNeuroFinding f : pick(episode, episode.facts().otherNeuroFindings(), baseline)) {
            if (!UNSPECIFIC.contains(f.kind())) {
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
        return baseline ? episode.baseline(all) : episode.surveillance(all);
    }
}
