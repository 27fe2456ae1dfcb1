package org.toxgrade.grading;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Gathers the findings, prerequisites and notes of one instant and turns them into a grade's
 * {@link Evidence}. Decisive domains are those whose grade equals the instant grade; only their
 * facts and rules, and those of the prerequisites (fever or its masking), are quoted, so the
 * evidence says what set the grade rather than everything that was seen.
 */
public final class EvidenceCollector {

    // Most instants grade 0 without remarks: keep them allocation-free until something is added.
    private List<Finding> findings = List.of();
    private List<Finding> prerequisites = List.of();
    private List<Note> notes = List.of();

    public EvidenceCollector add(Finding finding) {
        if (finding != null && finding.grade() > 0) {
            if (findings.isEmpty()) {
                findings = new ArrayList<>(4);
            }
            findings.add(finding);
        }
        return this;
    }

    /** A condition the grade depends on without being a graded domain itself (fever, or its masking). */
    public EvidenceCollector prerequisite(Finding finding) {
        if (prerequisites.isEmpty()) {
            prerequisites = new ArrayList<>(1);
        }
        prerequisites.add(finding);
        return this;
    }

    /** Adds a note unless the same note is already there (two domains may raise the same concern). */
    public EvidenceCollector note(Note note) {
        if (notes.isEmpty()) {
            notes = new ArrayList<>(2);
        }
        if (!notes.contains(note)) {
            notes.add(note);
        }
        return this;
    }

    /** The worst grade among the findings, 0 when there are none. */
    public int maxGrade() {
        int max = 0;
        for (Finding f : findings) {
            max = Math.max(max, f.grade());
        }
        return max;
    }

    public Evidence evidenceFor(int grade) {
        if (grade == 0 && notes.isEmpty()) {
            return Evidence.NONE;
        }
        List<Domain> domains = new ArrayList<>(2);
        Set<String> factIds = new LinkedHashSet<>();
        Set<String> ruleIds = new LinkedHashSet<>();
        if (grade > 0) {
            for (Finding p : prerequisites) {
                factIds.addAll(p.factIds());
                ruleIds.addAll(p.ruleIds());
            }
            for (Finding f : findings) {
                if (f.grade() == grade) {
                    if (!domains.contains(f.domain())) {
                        domains.add(f.domain());
                    }
                    factIds.addAll(f.factIds());
                    ruleIds.addAll(f.ruleIds());
                }
            }
            domains.sort(null);
        }
        return new Evidence(domains, new ArrayList<>(factIds), new ArrayList<>(ruleIds), notes);
    }
}
