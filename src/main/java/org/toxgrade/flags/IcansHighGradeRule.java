package org.toxgrade.flags;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.toxgrade.grading.InstantGrade;
import org.toxgrade.grading.Spell;
import org.toxgrade.grading.Syndrome;

/**
 * {@code icans-high-grade} (docs/clinical-rules.md section 5: "ICANS grade >= 3", ASTCT). Starts at an
 * ICANS instant grade of 3 or more and holds until the first later ICE, CAPD or
 * level-of-consciousness assessment that grades below 3, or until the spell resolves, whichever
 * comes first. An instant that only carries, say, a blood pressure grades ICANS 0 but says nothing
 * about the brain, so it does not end the flag (the grading's abatement rule). Seed PRES case:
 * ICE 0/10 on day 8 starts it; the spell resolves 48 h after the day-8 cEEG seizure.
 * Evidence: every instant of grade 3 or more in the occurrence and its facts.
 */
final class IcansHighGradeRule implements FlagRule {

    private static final int HIGH_GRADE = 3;

    @Override
    public NeurotoxicityFlag flag() {
        return NeurotoxicityFlag.ICANS_HIGH_GRADE;
    }

    @Override
    public String explanation(FlagConfig config) {
        return "ICANS grade 3 or more (ASTCT 2019); holds until an ICE, CAPD or consciousness assessment grades "
                + "below 3 or the ICANS spell resolves.";
    }

    @Override
    public List<Stretch> stretches(EpisodeView episode) {
        List<Stretch> result = new ArrayList<>();
        Instant start = null;
        Instant resolution = null;
        List<String> ids = new ArrayList<>();
        List<GradeAt> grades = new ArrayList<>();
        for (InstantGrade g : episode.grades(Syndrome.ICANS)) {
            if (start != null && resolution != null && !g.time().isBefore(resolution)) {
                result.add(new Stretch(start, resolution, ids, grades));
                start = null;
            }
            if (g.atLeast(HIGH_GRADE)) {
                if (start == null) {
                    start = g.time();
                    resolution = episode.spellAt(Syndrome.ICANS, g.time()).flatMap(Spell::resolvedAt).orElse(null);
                    ids = new ArrayList<>();
                    grades = new ArrayList<>();
                }
                ids.addAll(g.evidence().factIds());
                grades.add(EpisodeView.gradeAt(Syndrome.ICANS, g));
            } else if (start != null && g.assessed() && episode.encephalopathyAssessedAt(g.time())) {
                result.add(new Stretch(start, g.time(), ids, grades));
                start = null;
            }
        }
        if (start != null) {
            result.add(new Stretch(start, resolution, ids, grades));
        }
        return result;
    }
}
