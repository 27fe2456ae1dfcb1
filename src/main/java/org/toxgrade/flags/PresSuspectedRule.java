package org.toxgrade.flags;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.toxgrade.grading.InstantGrade;
import org.toxgrade.grading.Syndrome;
import org.toxgrade.grading.fact.IceScore;
import org.toxgrade.grading.fact.NeuroImaging.Finding;
import org.toxgrade.grading.fact.OtherNeuroFinding;
import org.toxgrade.grading.fact.Seizure;

/**
 * {@code pres-suspected} (docs/clinical-rules.md section 5, seed PRES case days 15-16). Two ways in:
 * <ol>
 *   <li><b>Imaging</b>: a study reporting vasogenic oedema in a PRES pattern starts it at the
 *       study; it holds until a later study reports no PRES-pattern oedema (seed: the day-15 MRI
 *       fires it; the day-69 MRI "demonstrated the complete resolution").</li>
 *   <li><b>Clinical</b>: a grade 3 hypertensive reading (as {@code hypertension-grade3}, with the
 *       same limits for the patient's age, sex and height) and, at
 *       most {@link FlagConfig#presWindow()} apart in either order (default 24 h, inclusive),
 *       encephalopathy (an ICANS grade of 1 or more, or an ICE score at least
 *       {@link FlagConfig#iceDropPoints()} below the pre-infusion baseline; unarousable counts), a
 *       seizure or a visual disturbance. It starts when the later of the two is charted, the moment
 *       the pair is known, and holds for {@link FlagConfig#pointFindingHold()} (default 72 h) so
 *       that a clinician has time to image; each new pair extends it. A later study without
 *       PRES-pattern oedema answers the question and ends it (a study charted before the pair was
 *       complete does not: PRES may have developed since).</li>
 * </ol>
 * Hypertensive readings during an imaging-based suspicion are added to its evidence: the seed's
 * 187/109 on day 16 keeps the day-15 suspicion and is quoted with it. Evidence: the PRES findings,
 * the hypertensive readings, the partnering findings and ICANS grades.
 */
final class PresSuspectedRule implements FlagRule {

    @Override
    public NeurotoxicityFlag flag() {
        return NeurotoxicityFlag.PRES_SUSPECTED;
    }

    @Override
    public String explanation(FlagConfig config) {
        return "Brain imaging reports vasogenic oedema in a PRES pattern, or blood pressure at or above "
                + FlagRule.number(config.systolicThreshold()) + "/" + FlagRule.number(config.diastolicThreshold())
                + " mmHg within " + FlagRule.words(config.presWindow()) + " of encephalopathy (ICANS grade 1 or more, "
                + "or ICE " + config.iceDropPoints() + " or more points below baseline), a seizure or a visual "
                + "disturbance; holds until a later study shows no PRES-pattern oedema, a clinical suspicion at most "
                + FlagRule.words(config.pointFindingHold()) + " after its last trigger.";
    }

    /** A finding that, next to hypertension, raises the suspicion. */
    private record Partner(Instant time, List<String> factIds, List<GradeAt> grades) {
    }

    @Override
    public String explanation(FlagConfig config, EpisodeView episode) {
        if (episode.adultLimitsAtInfusion()) {
            return explanation(config);
        }
        return "Brain imaging reports vasogenic oedema in a PRES pattern, or blood pressure at CTCAE v5 grade 3 for the "
                + "patient's age (children more than 5 mmHg above the 99th percentile for age, sex and height, "
                + "adolescents at or above 140/90, adults " + FlagRule.number(config.systolicThreshold()) + "/"
                + FlagRule.number(config.diastolicThreshold()) + " mmHg) within " + FlagRule.words(config.presWindow())
                + " of encephalopathy (ICANS grade 1 or more, or ICE " + config.iceDropPoints() + " or more points "
                + "below baseline), a seizure or a visual disturbance; holds until a later study shows no PRES-pattern "
                + "oedema, a clinical suspicion at most " + FlagRule.words(config.pointFindingHold())
                + " after its last trigger.";
    }

    @Override
    public List<Stretch> stretches(EpisodeView episode) {
        FlagConfig config = episode.config();
        List<ImagingStudy> studies = ImagingStudy.of(episode);
        List<BloodPressureReading> hypertensive = new ArrayList<>();
        Map<Instant, HypertensionLimit> limits = new HashMap<>();
        for (BloodPressureReading r : episode.bloodPressures()) {
            HypertensionLimit limit = episode.hypertensionLimit(r.time());
            if (r.hypertensive(limit)) {
                hypertensive.add(r);
                limits.put(r.time(), limit);
            }
        }
        List<Stretch> result = new ArrayList<>();
        for (int i = 0; i < studies.size(); i++) {
            ImagingStudy study = studies.get(i);
            if (study.reports(Finding.VASOGENIC_EDEMA_PRES_PATTERN)) {
                Instant end = firstStudyWithoutPres(studies, study.time(), false).orElse(null);
                List<String> ids = new ArrayList<>(study.idsOf(Finding.VASOGENIC_EDEMA_PRES_PATTERN));
                List<String> notes = new ArrayList<>();
                for (BloodPressureReading r : hypertensive) {
                    if (!r.time().isBefore(study.time()) && (end == null || r.time().isBefore(end))) {
                        ids.addAll(r.factIds());
                        ids.addAll(limits.get(r.time()).factIds());
                        notes.add(limits.get(r.time()).note());
                    }
                }
                result.add(new Stretch(study.time(), end, ids, List.of(), notes));
            }
        }
        List<Partner> partners = partners(episode);
        Duration window = config.presWindow();
        int low = 0;
        for (BloodPressureReading r : hypertensive) {
            while (low < partners.size() && partners.get(low).time().isBefore(r.time().minus(window))) {
                low++;
            }
            for (int p = low; p < partners.size() && !partners.get(p).time().isAfter(r.time().plus(window)); p++) {
                Partner partner = partners.get(p);
                Instant start = partner.time().isAfter(r.time()) ? partner.time() : r.time();
                Instant end = start.plus(config.pointFindingHold());
                Optional<Instant> answered = firstStudyWithoutPres(studies, start, true);
                if (answered.isPresent() && !answered.get().isAfter(start)) {
                    continue;
                }
                if (answered.isPresent() && answered.get().isBefore(end)) {
                    end = answered.get();
                }
                List<String> ids = new ArrayList<>(r.factIds());
                ids.addAll(limits.get(r.time()).factIds());
                ids.addAll(partner.factIds());
                result.add(new Stretch(start, end, ids, partner.grades(), List.of(limits.get(r.time()).note())));
            }
        }
        return result;
    }

    private static Optional<Instant> firstStudyWithoutPres(List<ImagingStudy> studies, Instant from,
            boolean inclusive) {
        for (ImagingStudy s : studies) {
            boolean after = inclusive ? !s.time().isBefore(from) : s.time().isAfter(from);
            if (after && !s.reports(Finding.VASOGENIC_EDEMA_PRES_PATTERN)) {
                return Optional.of(s.time());
            }
        }
        return Optional.empty();
    }

    private static List<Partner> partners(EpisodeView episode) {
        List<Partner> partners = new ArrayList<>();
        for (InstantGrade g : episode.grades(Syndrome.ICANS)) {
            if (g.positive() && !g.time().isAfter(episode.end())) {
                partners.add(new Partner(g.time(), g.evidence().factIds(),
                        List.of(EpisodeView.gradeAt(Syndrome.ICANS, g))));
            }
        }
        Optional<IceScore> baseline = episode.baselineIce();
        if (baseline.isPresent()) {
            int threshold = baseline.get().score() - episode.config().iceDropPoints();
            for (IceScore ice : episode.episode(episode.facts().iceScores())) {
                if (ice.score() == null || ice.score() <= threshold) {
                    partners.add(new Partner(ice.time(), List.of(ice.id(), baseline.get().id()), List.of()));
                }
            }
        }
        for (Seizure s : episode.episode(episode.facts().seizures())) {
            partners.add(new Partner(s.time(), List.of(s.id()), List.of()));
        }
        for (OtherNeuroFinding f : episode.episode(episode.facts().otherNeuroFindings())) {
            if (f.kind() == OtherNeuroFinding.Kind.VISUAL_DISTURBANCE) {
                partners.add(new Partner(f.time(), List.of(f.id()), List.of()));
            }
        }
        partners.sort(Comparator.comparing(Partner::time));
        return partners;
    }
}
