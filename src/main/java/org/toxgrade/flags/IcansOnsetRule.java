package org.toxgrade.flags;

import java.util.ArrayList;
import java.util.List;
import org.toxgrade.grading.InstantGrade;
import org.toxgrade.grading.Spell;
import org.toxgrade.grading.Syndrome;

/**
 * {@code icans-onset} (docs/clinical-rules.md section 5: "first ICANS grade >= 1 in the episode", ASTCT).
 * Starts at the onset of the first ICANS spell the grading found and holds until that spell
 * resolves (the grading's quiet period, default 48 h without a positive grade). It fires once per
 * episode: a recurrence is shown by the ICANS Condition (clinicalStatus {@code recurrence}) and
 * by the other flags, not by a second onset. Evidence: the onset grade and its facts.
 */
final class IcansOnsetRule implements FlagRule {

    @Override
    public NeurotoxicityFlag flag() {
        return NeurotoxicityFlag.ICANS_ONSET;
    }

    @Override
    public String explanation(FlagConfig config) {
        return "First ICANS grade 1 or more of the episode (ASTCT 2019); holds until that ICANS spell resolves.";
    }

    @Override
    public List<Stretch> stretches(EpisodeView episode) {
        List<Spell> spells = episode.spells(Syndrome.ICANS);
        if (spells.isEmpty()) {
            return List.of();
        }
        Spell first = spells.get(0);
        List<String> ids = new ArrayList<>();
        List<GradeAt> grades = new ArrayList<>();
        for (InstantGrade g : episode.grades(Syndrome.ICANS)) {
            if (g.time().equals(first.onset())) {
                ids.addAll(g.evidence().factIds());
                grades.add(EpisodeView.gradeAt(Syndrome.ICANS, g));
            }
        }
        return List.of(new Stretch(first.onset(), first.resolvedAt().orElse(null), ids, grades));
    }
}
