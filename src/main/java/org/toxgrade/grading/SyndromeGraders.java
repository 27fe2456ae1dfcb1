package org.toxgrade.grading;

import java.time.Instant;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.toxgrade.grading.crs.CrsGrader;
import org.toxgrade.grading.fact.DeathAttribution;
import org.toxgrade.grading.icans.IcansGrader;

/**
 * How each syndrome is graded, one entry per {@link Syndrome}: its instant grader, the death attribution
 * that makes its grade 5, what a day without any assessment is called, and which assessed instants can
 * show the syndrome gone (docs/clinical-rules.md section 4, "course").
 */
final class SyndromeGraders {

    /**
     * @param grader       the syndrome's grade at every assessment instant of the episode
     * @param deathCause   the recorded cause of death that grades the syndrome 5
     * @param dayNotAssessed the reason given for a day without an assessment of the syndrome
     * @param showsAbsence whether an assessed instant of grade 0 shows the syndrome gone
     */
    record SyndromeGrader(Function<CanonicalFacts, List<InstantGrade>> grader, DeathAttribution.Cause deathCause,
            NotAssessedReason dayNotAssessed, BiPredicate<CanonicalFacts, Instant> showsAbsence) {
    }

    private static final SyndromeGrader CRS = new SyndromeGrader(f -> new CrsGrader(f).grade(),
            DeathAttribution.Cause.CRS, NotAssessedReason.NO_CRS_PARAMETER,
            // An assessed CRS instant re-judges fever, hypotension and hypoxia, so it can show CRS gone.
            (facts, t) -> true);

    private static final SyndromeGrader ICANS = new SyndromeGrader(f -> new IcansGrader(f).grade(),
            DeathAttribution.Cause.ICANS, NotAssessedReason.NO_NEUROLOGICAL_ASSESSMENT,
            // ICANS findings are point findings: only an ICE, CAPD or level-of-consciousness assessment
            // shows the encephalopathy gone.
            CanonicalFacts::hasEncephalopathyAssessmentAt);

    private SyndromeGraders() {
    }

    static SyndromeGrader of(Syndrome syndrome) {
        return switch (syndrome) {
            case CRS -> CRS;
            case ICANS -> ICANS;
        };
    }
}
