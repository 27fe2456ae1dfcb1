package org.toxgrade.flags;

import java.util.List;
import java.util.Objects;

/**
 * Why an occurrence of a flag fired: the source records and the graded instants behind it, and
 * one sentence stating the rule in words a clinician reads at the bedside.
 *
 * @param factIds     source references of the facts (e.g. {@code Observation/bp-16}) in time order
 * @param grades      CRS/ICANS instant grades the rule used, in time order
 * @param explanation the rule applied, in one sentence
 */
public record FlagEvidence(List<String> factIds, List<GradeAt> grades, String explanation) {

    public FlagEvidence {
        factIds = List.copyOf(factIds);
        grades = List.copyOf(grades);
        Objects.requireNonNull(explanation, "explanation");
    }
}
