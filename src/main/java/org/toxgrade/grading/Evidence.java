package org.toxgrade.grading;

import java.util.List;

/**
 * Why a grade is what it is: the domains that set it, the facts behind it, the rules applied and
 * the remarks (confounders, exclusions, fever masking) a clinician must see. The service proposes;
 * the clinician confirms (docs/clinical-rules.md, preamble), so every positive grade names at least one
 * fact and one rule.
 *
 * @param decisiveDomains domains whose own grade equals the instant grade, in table order
 * @param factIds         source references of the facts behind the grade, decisive findings and
 *                        prerequisites (fever, masking drug)
 * @param ruleIds         stable rule ids, see {@link RuleIds}
 * @param notes           remarks, including about facts that did not grade
 */
public record Evidence(List<Domain> decisiveDomains, List<String> factIds, List<String> ruleIds, List<Note> notes) {

    public static final Evidence NONE = new Evidence(List.of(), List.of(), List.of(), List.of());

    public Evidence {
        decisiveDomains = List.copyOf(decisiveDomains);
        factIds = List.copyOf(factIds);
        ruleIds = List.copyOf(ruleIds);
        notes = List.copyOf(notes);
    }

    public boolean hasNote(NoteCode code) {
        return notes.stream().anyMatch(n -> n.code() == code);
    }
}
