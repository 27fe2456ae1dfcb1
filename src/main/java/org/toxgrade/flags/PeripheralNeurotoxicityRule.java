package org.toxgrade.flags;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.toxgrade.grading.Syndrome;
import org.toxgrade.grading.fact.MotorFinding;
import org.toxgrade.grading.fact.OtherNeuroFinding;

/**
 * {@code peripheral-neurotoxicity} (docs/clinical-rules.md section 5: "neuropathic pain, radiculopathy, EMG
 * denervation, CSF pleocytosis or limb weakness outside an ICANS picture", seed polyradiculopathy
 * case: burning pain and leg weakness from day 6, EMG denervation day 52, CSF pleocytosis day 55).
 * A finding counts when
 * <ul>
 *   <li>no ICANS spell is open at its time (onset up to resolution): weakness or pain in an
 *       encephalopathic patient belongs to the ICANS picture and is flagged there;</li>
 *   <li>its kind was not charted before the infusion: a known neuropathy (after vincristine,
 *       say) is not new toxicity.</li>
 * </ul>
 * The counting findings are followed as one {@link FindingCourse}: while they keep being charted
 * within {@link FlagConfig#persistentFindingSilence()} (default 28 days) of each other they are one
 * occurrence, which ends that long after the last one (the flag follows the disease, not the
 * charting rhythm). The input contract has no code for a normal strength, EMG or CSF, so no finding
 * ends it sooner. Evidence: the counting findings.
 */
final class PeripheralNeurotoxicityRule implements FlagRule {

    static final Set<OtherNeuroFinding.Kind> PERIPHERAL = EnumSet.of(OtherNeuroFinding.Kind.NEUROPATHIC_PAIN,
            OtherNeuroFinding.Kind.RADICULOPATHY, OtherNeuroFinding.Kind.EMG_DENERVATION,
            OtherNeuroFinding.Kind.CSF_PLEOCYTOSIS);

    @Override
    public NeurotoxicityFlag flag() {
        return NeurotoxicityFlag.PERIPHERAL_NEUROTOXICITY;
    }

    @Override
    public String explanation(FlagConfig config) {
        return "Neuropathic pain, radiculopathy, EMG denervation, CSF pleocytosis or limb weakness outside an ICANS "
                + "spell, of a kind not charted before the infusion; holds while such findings are charted within "
                + FlagRule.words(config.persistentFindingSilence())
                + " of each other, and ends that long after the last one.";
    }

    @Override
    public boolean followsSurveillance() {
        return true;
    }

    @Override
    public List<Stretch> stretches(EpisodeView episode) {
        Set<OtherNeuroFinding.Kind> otherAtBaseline = episode.baselineKinds(episode.facts().otherNeuroFindings(),
                OtherNeuroFinding::kind);
        Set<MotorFinding.Kind> motorAtBaseline = episode.baselineKinds(episode.facts().motorFindings(),
                MotorFinding::kind);
        List<FindingCourse.Finding> findings = new ArrayList<>();
        for (OtherNeuroFinding f : episode.surveillance(episode.facts().otherNeuroFindings())) {
            if (PERIPHERAL.contains(f.kind()) && !otherAtBaseline.contains(f.kind())) {
                add(episode, f.kind().name(), f.time(), f.id(), findings);
            }
        }
        for (MotorFinding m : episode.surveillance(episode.facts().motorFindings())) {
            if (m.kind() == MotorFinding.Kind.LIMB_WEAKNESS && !motorAtBaseline.contains(m.kind())) {
                add(episode, m.kind().name(), m.time(), m.id(), findings);
            }
        }
        findings.sort(Comparator.comparing(FindingCourse.Finding::time).thenComparing(FindingCourse.Finding::kind));
        return FindingCourse.stretches(findings, episode.config().persistentFindingSilence(),
                (kind, t) -> Optional.empty());
    }

    private static void add(EpisodeView episode, String kind, Instant t, String id, List<FindingCourse.Finding> out) {
        if (episode.spellAt(Syndrome.ICANS, t).isEmpty()) {
            out.add(new FindingCourse.Finding(kind, t, List.of(id), List.of(), true));
        }
    }
}
