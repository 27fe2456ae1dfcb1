package org.toxgrade.flags;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.toxgrade.grading.fact.MotorFinding;

/**
 * {@code motor-weakness} (docs/clinical-rules.md section 5: "new deep focal motor weakness (hemi-/
 * paraparesis)", ASTCT and seed polyradiculopathy case). Both kinds of weakness count: deep focal
 * weakness (ASTCT ICANS grade 4) and limb weakness, because the polyradiculopathy seed's
 * "bilateral lower extremity weakness ... followed by paraparesis" was charted as limb weakness
 * and must be surfaced. "New" means the same kind of weakness was not charted before the
 * infusion: weakness the patient already had is not neurotoxicity. There is no fact that charts
 * strength as normal again, so the flag holds for {@link FlagConfig#persistentFindingHold()}
 * (default 14 days) after the weakness was last charted; it fires during ICANS too (unlike
 * {@code peripheral-neurotoxicity}). Evidence: the weakness findings.
 */
final class MotorWeaknessRule implements FlagRule {

    @Override
    public NeurotoxicityFlag flag() {
        return NeurotoxicityFlag.MOTOR_WEAKNESS;
    }

    @Override
    public String explanation(FlagConfig config) {
        return "New deep focal weakness (hemiparesis, paraparesis) or limb weakness, of a kind not charted before "
                + "the infusion; holds for " + FlagRule.words(config.persistentFindingHold())
                + " after it was last charted.";
    }

    @Override
    public List<Stretch> stretches(EpisodeView episode) {
        Set<MotorFinding.Kind> atBaseline = episode.baselineKinds(episode.facts().motorFindings(), MotorFinding::kind);
        List<Stretch> result = new ArrayList<>();
        for (MotorFinding m : episode.episode(episode.facts().motorFindings())) {
            if (!atBaseline.contains(m.kind())) {
                result.add(Stretch.held(m.time(), episode.config().persistentFindingHold(), List.of(m.id()),
                        List.of()));
            }
        }
        return result;
    }
}
