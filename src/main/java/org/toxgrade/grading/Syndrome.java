package org.toxgrade.grading;

import java.util.Locale;

/**
 * The syndromes the service grades. Everything that differs between them is looked up by this key
 * (how it is graded: {@link SyndromeGraders}; how its Condition is coded: {@code publish.build.SyndromeCodings}),
 * each in an exhaustive switch, so a new syndrome cannot fall into another's branch.
 */
public enum Syndrome {

    /** Cytokine release syndrome, ASTCT 2019 consensus. */
    CRS,
    /** Immune effector cell-associated neurotoxicity syndrome, ASTCT 2019 consensus. */
    ICANS;

    /** The syndrome's code where the service names it: Condition ids and codes, timeline and worklist keys. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
