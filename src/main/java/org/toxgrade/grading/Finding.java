package org.toxgrade.grading;

import java.util.List;

/**
 * What one domain contributes at one instant: its grade and the facts and rules behind it. Grade 0
 * ({@link #nothingFound}) says the domain was assessed and nothing was found; a domain that was not
 * assessed has no finding.
 */
public record Finding(Domain domain, int grade, List<String> factIds, List<String> ruleIds) {

    private static final Finding[] NOTHING_FOUND = new Finding[Domain.values().length];

    static {
        for (Domain d : Domain.values()) {
            NOTHING_FOUND[d.ordinal()] = new Finding(d, 0, List.of(), List.of());
        }
    }

    public Finding {
        factIds = List.copyOf(factIds);
        ruleIds = List.copyOf(ruleIds);
    }

    /** {@code domain} was assessed and nothing was found (grade 0). */
    public static Finding nothingFound(Domain domain) {
        return NOTHING_FOUND[domain.ordinal()];
    }

    public static Finding of(Domain domain, int grade, String ruleId, String... factIds) {
        return new Finding(domain, grade, List.of(factIds), List.of(ruleId));
    }
}
