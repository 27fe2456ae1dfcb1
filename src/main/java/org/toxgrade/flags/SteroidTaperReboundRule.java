package org.toxgrade.flags;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.toxgrade.grading.InstantGrade;
import org.toxgrade.grading.Spell;
import org.toxgrade.grading.Syndrome;

/**
 * {@code steroid-taper-rebound} (docs/clinical-rules.md section 5: "CRS or ICANS grade rises within a
 * configurable window (default 72 h) after a taper: the rolling 24-hour dexamethasone-equivalent
 * total falls", seed PRES case Figure 6: tapers "typically leading to worsening grades of ICANS
 * or CRS"). For each taper (see {@link SteroidTapers}: a run of falls of the daily total, from its
 * start to its last step) and each syndrome:
 * <ul>
 *   <li>the <b>grade at the taper</b> is the grade of the latest assessment at or before its start
 *       while a spell of that syndrome is open, else 0. For ICANS only an ICE, CAPD or
 *       consciousness assessment, or a positive grade, is an assessment: an ICANS 0 at an instant
 *       that only charts a drug says nothing about the brain;</li>
 *   <li>a <b>rise</b> is the first assessment after the start, at most
 *       {@link FlagConfig#taperReboundWindow()} after the last step (inclusive), graded higher
 *       than that: a grade that rises while a stepwise taper goes on counts;</li>
 *   <li>the flag starts at the rise and holds until an assessment grades the syndrome back at or
 *       below its grade at the taper, or the risen spell resolves.</li>
 * </ul>
 * Evidence: the doses the taper was read from, the grade at the taper (when assessed), the rising
 * grade and its facts.
 */
final class SteroidTaperReboundRule implements FlagRule {

    @Override
    public NeurotoxicityFlag flag() {
        return NeurotoxicityFlag.STEROID_TAPER_REBOUND;
    }

    @Override
    public String explanation(FlagConfig config) {
        return "CRS or ICANS grade rose within " + FlagRule.words(config.taperReboundWindow()) + " after a "
                + "corticosteroid taper (the 24-hour dexamethasone-equivalent total fell: a lower dose, the same dose "
                + "less often, or a switch to a weaker steroid); holds until the grade is back to its level at the taper or the spell "
                + "resolves.";
    }

    @Override
    public List<Stretch> stretches(EpisodeView episode) {
        List<Stretch> result = new ArrayList<>();
        for (SteroidTaper taper : SteroidTapers.of(episode)) {
            for (Syndrome syndrome : Syndrome.values()) {
                rebound(episode, taper, syndrome).ifPresent(result::add);
            }
        }
        return result;
    }

    private static Optional<Stretch> rebound(EpisodeView episode, SteroidTaper taper, Syndrome syndrome) {
        List<InstantGrade> grades = episode.grades(syndrome);
        Instant windowEnd = taper.lastStep().plus(episode.config().taperReboundWindow());
        InstantGrade atTaper = null;
        if (episode.spellAt(syndrome, taper.start()).isPresent()) {
            for (InstantGrade g : grades) {
                if (g.time().isAfter(taper.start())) {
                    break;
                }
                if (episode.informative(syndrome, g)) {
                    atTaper = g;
                }
            }
        }
        int before = atTaper == null ? 0 : atTaper.grade().getAsInt();
        for (int i = 0; i < grades.size(); i++) {
            InstantGrade g = grades.get(i);
            if (!g.time().isAfter(taper.start()) || !episode.informative(syndrome, g)) {
                continue;
            }
            if (g.time().isAfter(windowEnd)) {
                break;
            }
            if (g.atLeast(before + 1)) {
                List<String> ids = new ArrayList<>(taper.factIds());
                ids.addAll(g.evidence().factIds());
                List<GradeAt> quoted = new ArrayList<>();
                if (atTaper != null) {
                    quoted.add(EpisodeView.gradeAt(syndrome, atTaper));
                }
                quoted.add(EpisodeView.gradeAt(syndrome, g));
                return Optional.of(new Stretch(g.time(), end(episode, syndrome, grades, i, before), ids, quoted));
            }
        }
        return Optional.empty();
    }

    /** The first assessment back at or below the grade at the taper, or the resolution if earlier. */
    private static Instant end(EpisodeView episode, Syndrome syndrome, List<InstantGrade> grades, int rise,
            int before) {
        Instant resolution = episode.spellAt(syndrome, grades.get(rise).time())
                .flatMap(Spell::resolvedAt).orElse(null);
        for (int i = rise + 1; i < grades.size(); i++) {
            InstantGrade g = grades.get(i);
            if (resolution != null && !g.time().isBefore(resolution)) {
                break;
            }
            if (episode.informative(syndrome, g) && g.grade().getAsInt() <= before) {
                return g.time();
            }
        }
        return resolution;
    }
}
