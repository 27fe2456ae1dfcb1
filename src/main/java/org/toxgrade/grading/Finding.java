package org.toxgrade.grading;

import java.util.List;

/** What one domain contributes at one instant: its grade and the facts and rules behind it. */
public record Finding(Domain domain, int grade, List<String> factIds, List<String> ruleIds) {

    public Finding {
        factIds = List.copyOf(factIds);
        ruleIds = List.copyOf(ruleIds);
    }

    public static Finding of(Domain domain, int grade, String ruleId, String... factIds) {
        return new Finding(domain, grade, List.of(factIds), List.of(ruleId));
    }
}
