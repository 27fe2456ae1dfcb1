package org.toxgrade.grading.crs;

import java.time.Duration;
import java.time.Instant;
import org.toxgrade.grading.Domain;
import org.toxgrade.grading.Finding;
import org.toxgrade.grading.RuleIds;
import org.toxgrade.grading.fact.Temperature;
import org.toxgrade.grading.timeline.FactIndex;

/**
 * ASTCT CRS fever: temperature >= 38.0 C. CLINICAL-SPEC section 2 lets a fever within the
 * look-back (default 24 h) satisfy the criterion at t: the window is (t - 24 h, t], so a fever
 * charted exactly 24 h earlier no longer counts. The latest febrile reading is quoted.
 */
final class FeverCriterion {

    private final FactIndex<Temperature> febrile;
    private final Duration lookBack;

    FeverCriterion(FactIndex<Temperature> febrile, Duration lookBack) {
        this.febrile = febrile;
        this.lookBack = lookBack;
    }

    /** The fever finding at {@code t}, or {@code null} when there was no fever in the look-back. */
    Finding at(Instant t) {
        Temperature fever = febrile.latestWithin(t, lookBack);
        return fever == null ? null : Finding.of(Domain.FEVER, 1, RuleIds.CRS_FEVER, fever.id());
    }
}
