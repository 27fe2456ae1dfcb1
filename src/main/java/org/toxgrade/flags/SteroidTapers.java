package org.toxgrade.flags;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.toxgrade.grading.fact.DrugDose;
import org.toxgrade.grading.fact.Fact;

/**
 * Finds the corticosteroid tapers of an episode. A <b>taper</b> is a corticosteroid administration
 * after the infusion, compared with the administration just before it (doses charted at one
 * instant are one administration, summed), that
 * <ol>
 *   <li>gives fewer dexamethasone-equivalent milligrams: a dose reduction, or a switch to a weaker
 *       steroid regimen (seed PRES case day 12, "taper methylprednisolone to dexamethasone": 500 mg
 *       methylprednisolone is 93.75 mg dexamethasone, the next dose is 10 mg); or</li>
 *   <li>gives the same dose of the same agent as the two administrations before it, but after an
 *       interval at least 1.5 times the one between them: the same dose given less often
 *       (dexamethasone 10 mg every 6 h, then every 12 h).</li>
 * </ol>
 * Administrations more than {@link FlagConfig#taperCourseGap()} (default 48 h) apart are not
 * compared: a dose after a longer gap restarts steroids, it does not taper them.
 *
 * <p>Why per administration and not per calendar day: Figure 6 of the PRES seed case marks "each
 * day on which an attempt was made to de-escalate a preceding steroid treatment", five tapers. On
 * day 12 the taper to dexamethasone failed within hours and methylprednisolone 1 g was given again
 * the same day, so that day's total rose: a day-total rule misses that taper and then reads the
 * next day's single 1 g dose as one. Compared dose by dose the seed's course shows exactly its five
 * tapers (days 7, 12, 14, 19 and 22).
 *
 * <p>Doses whose dexamethasone equivalent is neither charted nor derivable from the agent are left
 * out: they cannot be compared.
 */
final class SteroidTapers {

    /** Factor by which an interval must lengthen, at an unchanged dose, to count as a taper. */
    static final double INTERVAL_LENGTHENING = 1.5;

    private static final double SAME = 1e-9;

    /** One corticosteroid administration: every dose charted at one instant. */
    private record Administration(Instant time, String agent, double dexamethasoneMg, List<String> ids) {
    }

    private SteroidTapers() {
    }

    static List<SteroidTaper> of(EpisodeView episode) {
        List<Administration> given = administrations(episode);
        Duration gap = episode.config().taperCourseGap();
        List<SteroidTaper> tapers = new ArrayList<>();
        for (int i = 1; i < given.size(); i++) {
            Administration now = given.get(i);
            Administration before = given.get(i - 1);
            if (now.time().isBefore(episode.infusion()) || interval(before, now).compareTo(gap) > 0) {
                continue;
            }
            boolean reduced = now.dexamethasoneMg() < before.dexamethasoneMg() - SAME;
            boolean lessOften = false;
            if (!reduced && i >= 2) {
                Administration earlier = given.get(i - 2);
                lessOften = sameRegimen(earlier, before) && sameRegimen(before, now)
                        && interval(earlier, before).compareTo(gap) <= 0
                        && interval(before, now).toSeconds() >= INTERVAL_LENGTHENING
                                * interval(earlier, before).toSeconds();
            }
            if (reduced || lessOften) {
                List<String> ids = new ArrayList<>(before.ids());
                ids.addAll(now.ids());
                tapers.add(new SteroidTaper(now.time(), now.time(), ids));
            }
        }
        return tapers;
    }

    private static List<Administration> administrations(EpisodeView episode) {
        List<DrugDose> doses = new ArrayList<>();
        for (DrugDose d : episode.facts().drugs()) {
            if (d.category() == DrugDose.Category.CORTICOSTEROID && !d.time().isAfter(episode.end())
                    && DexamethasoneEquivalents.of(d) != null) {
                doses.add(d);
            }
        }
        doses.sort(Fact.CANONICAL_ORDER);
        List<Administration> result = new ArrayList<>();
        int i = 0;
        while (i < doses.size()) {
            Instant t = doses.get(i).time();
            String agent = DexamethasoneEquivalents.agent(doses.get(i));
            double total = 0;
            List<String> ids = new ArrayList<>();
            while (i < doses.size() && doses.get(i).time().equals(t)) {
                DrugDose d = doses.get(i);
                total += DexamethasoneEquivalents.of(d);
                if (!DexamethasoneEquivalents.agent(d).equals(agent)) {
                    agent = "several agents";
                }
                ids.add(d.id());
                i++;
            }
            result.add(new Administration(t, agent, total, ids));
        }
        return result;
    }

    private static boolean sameRegimen(Administration a, Administration b) {
        return Objects.equals(a.agent(), b.agent()) && Math.abs(a.dexamethasoneMg() - b.dexamethasoneMg()) < SAME;
    }

    private static Duration interval(Administration a, Administration b) {
        return Duration.between(a.time(), b.time());
    }
}
