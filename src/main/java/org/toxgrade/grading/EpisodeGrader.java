package org.toxgrade.grading;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.toxgrade.grading.course.CourseBuilder;
import org.toxgrade.grading.course.DayGrades;
import org.toxgrade.grading.crs.CrsGrader;
import org.toxgrade.grading.fact.DeathAttribution;
import org.toxgrade.grading.icans.IcansGrader;

/**
 * Grades CRS and ICANS for one episode. A pure function of its arguments: equal facts (in any
 * order), configuration and {@code asOf} give equal results, so late or re-sent data only needs a
 * re-grade (docs/clinical-rules.md section 4).
 */
public final class EpisodeGrader {

    private EpisodeGrader() {
    }

    /**
     * @param facts  the episode's facts, in any order
     * @param config site parameters, usually {@link GradingConfig#defaults()}
     * @param asOf   the instant the grading is judged at: facts after it are ignored, and a spell
     *               is resolved only once {@code asOf} has passed its quiet period
     */
    public static EpisodeGrading grade(EpisodeFacts facts, GradingConfig config, Instant asOf) {
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(asOf, "asOf");
        CanonicalFacts canonical = new CanonicalFacts(facts, config, asOf);
        List<InstantGrade> crs = new CrsGrader(canonical).grade();
        List<InstantGrade> icans = new IcansGrader(canonical).grade();
        return new EpisodeGrading(facts.infusion(), asOf,
                summarise(Syndrome.CRS, crs, canonical, asOf, DeathAttribution.Cause.CRS),
                summarise(Syndrome.ICANS, icans, canonical, asOf, DeathAttribution.Cause.ICANS));
    }

    private static SyndromeGrading summarise(Syndrome syndrome, List<InstantGrade> grades, CanonicalFacts facts,
            Instant asOf, DeathAttribution.Cause cause) {
        Optional<Instant> death = facts.deaths().all().stream()
                .filter(d -> d.cause() == cause)
                .map(DeathAttribution::time)
                .findFirst();
        // An assessed CRS instant re-judges fever, hypotension and hypoxia, so it can show CRS gone.
        // ICANS findings are point findings: only an ICE, CAPD or level-of-consciousness assessment
        // shows the encephalopathy gone.
        Course course = new CourseBuilder(facts.config().quietPeriod()).build(grades, asOf, death,
                syndrome == Syndrome.CRS ? t -> true : facts::hasEncephalopathyAssessmentAt);
        int lastDay = facts.windowEnd().isBefore(facts.infusion()) ? -1 : facts.clock().day(facts.windowEnd());
        List<DayGrade> days = DayGrades.of(grades, facts.clock(), lastDay, syndrome == Syndrome.CRS
                ? NotAssessedReason.NO_CRS_PARAMETER
                : NotAssessedReason.NO_NEUROLOGICAL_ASSESSMENT);
        return new SyndromeGrading(syndrome, grades, days, DayGrades.peak(grades), course);
    }
}
