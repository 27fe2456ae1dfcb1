package org.toxgrade.grading.crs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.toxgrade.grading.Domain;
import org.toxgrade.grading.Finding;
import org.toxgrade.grading.InstantGrade;
import org.toxgrade.grading.Note;
import org.toxgrade.grading.NoteCode;
import org.toxgrade.grading.RuleIds;
import org.toxgrade.grading.fact.DrugDose;
import org.toxgrade.grading.timeline.FactIndex;

/**
 * ASTCT 2019 CRS footnote: "In patients who have CRS then receive antipyretic or anticytokine
 * therapy such as tocilizumab or steroids, fever is no longer required to grade subsequent CRS
 * severity. In this case, CRS grading is driven by hypotension and/or hypoxia."
 *
 * <p>Masking holds at t when CRS was graded >= 1 at an earlier instant of the episode and a masking
 * drug (antipyretic, anti-cytokine agent, corticosteroid) was given at or after that first positive
 * instant and at or before t. It lasts for the rest of the episode, not only for the current spell
 * (docs/clinical-rules.md section 2): after a resolved spell, and after a drug given once the CRS had resolved
 * (a corticosteroid for ICANS), a new fever may not come, so hypotension or hypoxia grade CRS on their
 * own. A drug given before any CRS does not mask. The first positive instant is graded without
 * masking (nothing was positive before it), so the walk in time order decides masking once and for
 * all.
 *
 * <p>Late hypotension can have another cause (sepsis under a steroid taper); the consensus grades
 * only findings not attributable to another cause, so the note names the drug and the first positive
 * grade for the clinician to judge.
 *
 * <p>One per grading walk; instants are asked for in ascending order.
 */
final class FeverMasking {

    /** Why fever is not required at an instant: the prerequisite (the drug) and the note that says why. */
    record Masked(Finding prerequisite, Note note) {
    }

    private final FactIndex<DrugDose> maskingDrugs;
    private InstantGrade firstPositive;
    // Once a drug has followed the first positive grade, masking holds for the rest of the episode.
    private Masked masked;

    FeverMasking(FactIndex<DrugDose> maskingDrugs) {
        this.maskingDrugs = maskingDrugs;
    }

    /** Records a positive CRS instant; only the first of the episode counts. */
    void recordPositive(InstantGrade grade) {
        if (firstPositive == null) {
            firstPositive = grade;
        }
    }

    /** Why fever is not required at {@code t}, or {@code null} when it is. */
    Masked at(Instant t) {
        if (masked != null) {
            return masked;
        }
        if (firstPositive == null || !firstPositive.time().isBefore(t)) {
            return null;
        }
        DrugDose drug = maskingDrugs.firstAtOrAfter(firstPositive.time());
        if (drug == null || drug.time().isAfter(t)) {
            return null;
        }
        masked = new Masked(Finding.of(Domain.FEVER, 1, RuleIds.CRS_FEVER_MASKED, drug.id()), note(drug));
        return masked;
    }

    private Note note(DrugDose drug) {
        List<String> ids = new ArrayList<>();
        ids.add(drug.id());
        for (String id : firstPositive.evidence().factIds()) {
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        return new Note(NoteCode.FEVER_MASKED, "fever not required: CRS was graded "
                + firstPositive.grade().getAsInt() + " at " + firstPositive.time() + " (day " + firstPositive.day()
                + "), the first positive grade of the episode, and " + drug.agent() + " (" + category(drug)
                + ") was given at " + drug.time() + "; masking lasts for the rest of the episode (ASTCT CRS "
                + "footnote, docs/clinical-rules.md section 2)", ids);
    }

    private static String category(DrugDose drug) {
        switch (drug.category()) {
            case ANTIPYRETIC:
                return "antipyretic";
            case ANTI_CYTOKINE:
                return "anti-cytokine agent";
            case CORTICOSTEROID:
                return "corticosteroid";
            default:
                throw new IllegalStateException("not a fever-masking drug: " + drug.category());
        }
    }
}
