package org.toxgrade.flags;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
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
 * Holds for {@link FlagConfig#persistentFindingHold()} (default 14 days) after the last counting
 * finding. Evidence: the counting findings.
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
                + "spell, of a kind not charted before the infusion; holds for "
                + FlagRule.words(config.persistentFindingHold()) + " after the last one.";
    }

    @Override
    public List<Stretch> stretches(EpisodeView episode) {
        Set<OtherNeuroFinding.Kind> otherAtBaseline = episode.baselineKinds(episode.facts().otherNeuroFindings(),
                OtherNeuroFinding::kind);
        Set<MotorFinding.Kind> motorAtBaseline = episode.baselineKinds(episode.facts().motorFindings(),
                MotorFinding::kind);
        List<Stretch> result = new ArrayList<>();
        for (OtherNeuroFinding f : episode.episode(episode.facts().otherNeuroFindings())) {
            if (PERIPHERAL.contains(f.kind()) && !otherAtBaseline.contains(f.kind())) {
                add(episode, f.time(), f.id(), result);
            }
        }
        for (MotorFinding m : episode.episode(episode.facts().motorFindings())) {
            if (m.kind() == MotorFinding.Kind.LIMB_WEAKNESS && !motorAtBaseline.contains(m.kind())) {
                add(episode, m.time(), m.id(), result);
            }
        }
        return result;
    }

    private static void add(EpisodeView episode, Instant t, String id, List<Stretch> result) {
        if (episode.spellAt(Syndrome.ICANS, t).isEmpty()) {
            result.add(Stretch.held(t, episode.config().persistentFindingHold(), List.of(id), List.of()));
        }
    }
}
