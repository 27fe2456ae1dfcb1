package org.toxgrade.grading;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gathers the findings, prerequisites and notes of one instant and turns them into a grade's
 * {@link Evidence}. Decisive domains are those whose grade equals the instant grade; only their
 * facts and rules, and those of the prerequisites (fever or its masking), are quoted, so the
 * evidence says what set the grade rather than everything that was seen.
 *
 * <p>It also records which domains were assessed and their own grades ({@link #domainGrades()}):
 * a domain is assessed when a finding for it was added, grade 0 included; a {@code null} finding
 * means the domain was not assessed.
 */
public final class EvidenceCollector {

    private static final Domain[] DOMAINS = Domain.values();

    // Most instants grade 0 without remarks: keep them allocation-free until something is added.
    private List<Finding> findings = List.of();
    private List<Finding> prerequisites = List.of();
    private List<Note> notes = List.of();
    // Four bits per domain ordinal: grade + 1, 0 = not assessed (allocation-free per instant).
    private long domainGrades;

    // The few distinct domain lists of an episode are shared rather than built per instant.
    private static final int MAX_SHARED_LISTS = 4096;
    private static final Map<Long, List<DomainGrade>> SHARED_LISTS = new ConcurrentHashMap<>();

    /**
     * Adds what one domain showed: {@code null} when the domain was not assessed, a grade-0 finding
     * when it was assessed and nothing was found. Only positive findings can be decisive.
     */
    public EvidenceCollector add(Finding finding) {
        if (finding != null) {
            assessed(finding.domain(), finding.grade());
        }
        if (finding != null && finding.grade() > 0) {
            if (findings.isEmpty()) {
                findings = new ArrayList<>(4);
            }
            findings.add(finding);
        }
        return this;
    }

    /** Records that {@code domain} was assessed with {@code grade}; the worse grade wins when added twice. */
    public EvidenceCollector assessed(Domain domain, int grade) {
        if (grade < 0 || grade > 5) {
            throw new IllegalArgumentException("grade must be 0-5, was " + grade);
        }
        int shift = 4 * domain.ordinal();
        long current = (domainGrades >>> shift) & 0xF;
        if (grade + 1 > current) {
            domainGrades = (domainGrades & ~(0xFL << shift)) | ((long) (grade + 1) << shift);
        }
        return this;
    }

    /** Whether any domain was assessed. */
    public boolean anyAssessed() {
        return domainGrades != 0;
    }

    /** The assessed domains with their own grades, in table order. */
    public List<DomainGrade> domainGrades() {
        if (domainGrades == 0) {
            return List.of();
        }
        List<DomainGrade> shared = SHARED_LISTS.get(domainGrades);
        if (shared != null) {
            return shared;
        }
        List<DomainGrade> list = unpack(domainGrades);
        if (SHARED_LISTS.size() < MAX_SHARED_LISTS) {
            SHARED_LISTS.putIfAbsent(domainGrades, list);
        }
        return list;
    }

    private static List<DomainGrade> unpack(long packed) {
        List<DomainGrade> result = new ArrayList<>(DOMAINS.length);
        for (Domain d : DOMAINS) {
            int value = (int) ((packed >>> (4 * d.ordinal())) & 0xF);
            if (value > 0) {
                result.add(DomainGrade.of(d, value - 1));
            }
        }
        return List.copyOf(result);
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
