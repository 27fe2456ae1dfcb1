package org.toxgrade.flags;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.toxgrade.grading.fact.MotorFinding;

/**
 * {@code motor-weakness} (docs/clinical-rules.md section 5: "new deep focal motor weakness (hemi-/
 * paraparesis)", ASTCT and seed polyradiculopathy case). Both kinds of weakness count: deep focal
 * weakness (ASTCT ICANS grade 4) and limb weakness, because the polyradiculopathy seed's
 * "bilateral lower extremity weakness ... followed by paraparesis" was charted as limb weakness
 * and must be surfaced. "New" means the same kind of weakness was not charted before the
 * infusion: weakness the patient already had is not neurotoxicity. The weakness is followed as one
 * {@link FindingCourse}: re-charted at visits weeks apart it stays one occurrence, which ends
 * {@link FlagConfig#persistentFindingSilence()} (default 28 days) after it was last charted; the
 * input contract has no code for normal strength, so no finding ends it sooner. It fires during
 * ICANS too (unlike {@code peripheral-neurotoxicity}). Evidence: the weakness findings.
 */
final class MotorWeaknessRule implements FlagRule {

    @Override
    public NeurotoxicityFlag flag() {
        return NeurotoxicityFlag.MOTOR_WEAKNESS;
    }

    @Override
    public String explanation(FlagConfig config) {
        return "New deep focal weakness (hemiparesis, paraparesis) or limb weakness, of a kind not charted before "
                + "the infusion; holds while it is charted again within "
                + FlagRule.words(config.persistentFindingSilence())
                + ", and ends that long after the last charting.";
    }

    @Override
    public List<Stretch> stretches(EpisodeView episode) {
        Set<MotorFinding.Kind> atBaseline = episode.baselineKinds(episode.facts().motorFindings(), MotorFinding::kind);
        List<FindingCourse.Finding> findings = new ArrayList<>();
        for (MotorFinding m : episode.episode(episode.facts().motorFindings())) {
            if (!atBaseline.contains(m.kind())) {
                findings.add(new FindingCourse.Finding(m.kind().name(), m.time(), List.of(m.id()), List.of(), true));
            }
        }
        return FindingCourse.stretches(findings, episode.config().persistentFindingSilence(),
                (kind, t) -> Optional.empty());
    }
}
