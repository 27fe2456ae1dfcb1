package org.toxgrade.grading;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.toxgrade.grading.course.CourseBuilder;
import org.toxgrade.grading.course.DayGrades;
import org.toxgrade.grading.fact.DeathAttribution;

/**
 * Grades every {@link Syndrome} for one episode, each by its entry in {@link SyndromeGraders}. A pure function of its arguments: equal facts (in any
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
        Map<Syndrome, SyndromeGrading> bySyndrome = new EnumMap<>(Syndrome.class);
        for (Syndrome syndrome : Syndrome.values()) {
            bySyndrome.put(syndrome, summarise(syndrome, SyndromeGraders.of(syndrome), canonical, asOf));
        }
        return new EpisodeGrading(facts.infusion(), asOf, bySyndrome);
    }

    private static SyndromeGrading summarise(Syndrome syndrome, SyndromeGraders.SyndromeGrader grader,
            CanonicalFacts facts, Instant asOf) {
        List<InstantGrade> grades = grader.grader().apply(facts);
        Optional<Instant> death = facts.deaths().all().stream()
                .filter(d -> d.cause() == grader.deathCause())
                .map(DeathAttribution::time)
                .findFirst();
        Course course = new CourseBuilder(facts.config().quietPeriod()).build(grades, asOf, death,
                t -> grader.showsAbsence().test(facts, t));
        int lastDay = facts.windowEnd().isBefore(facts.infusion()) ? -1 : facts.clock().day(facts.windowEnd());
        List<DayGrade> days = DayGrades.of(grades, facts.clock(), lastDay, grader.dayNotAssessed());
        return new SyndromeGrading(syndrome, grades, days, DayGrades.peak(grades), course);
    }
}
