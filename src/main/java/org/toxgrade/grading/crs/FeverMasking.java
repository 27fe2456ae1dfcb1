package org.toxgrade.grading.crs;

import java.time.Instant;
import org.toxgrade.grading.Domain;
import org.toxgrade.grading.Finding;
import org.toxgrade.grading.RuleIds;
import org.toxgrade.grading.course.SpellTracker;
import org.toxgrade.grading.fact.DrugDose;
import org.toxgrade.grading.timeline.FactIndex;

/**
 * ASTCT 2019 CRS footnote: "In patients who have CRS then receive antipyretic or anticytokine
 * therapy such as tocilizumab or steroids, fever is no longer required to grade subsequent CRS
 * severity. In this case, CRS grading is driven by hypotension and/or hypoxia."
 *
 * <p>Masking holds at t when CRS was graded >= 1 at an earlier instant of the current spell and a
 * masking drug was given at or after that spell's onset and at or before t. A drug given before any
 * CRS does not mask. Masking ends with the spell: once CRS has resolved, a new spell needs fever
 * again, so that late hypotension from another cause under a steroid taper is not called CRS
 * (a decision the consensus leaves open).
 */
final class FeverMasking {

    private final FactIndex<DrugDose> maskingDrugs;

    FeverMasking(FactIndex<DrugDose> maskingDrugs) {
        this.maskingDrugs = maskingDrugs;
    }

    /** The masking prerequisite at {@code t}, naming the drug, or {@code null} when fever is required. */
    Finding at(Instant t, SpellTracker spells) {
        Instant onset = spells.onsetOfSpellOpenAt(t);
        if (onset == null || !onset.isBefore(t)) {
            return null;
        }
        DrugDose drug = maskingDrugs.firstAtOrAfter(onset);
        if (drug == null || drug.time().isAfter(t)) {
            return null;
        }
        return Finding.of(Domain.FEVER, 1, RuleIds.CRS_FEVER_MASKED, drug.id());
    }
}
