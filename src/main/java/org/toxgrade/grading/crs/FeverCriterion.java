package org.toxgrade.grading.crs;

import java.time.Duration;
import java.time.Instant;
import org.toxgrade.grading.CanonicalFacts;
import org.toxgrade.grading.Domain;
import org.toxgrade.grading.Finding;
import org.toxgrade.grading.RuleIds;
import org.toxgrade.grading.fact.Temperature;
import org.toxgrade.grading.timeline.FactIndex;

/**
 * ASTCT CRS fever: temperature >= 38.0 C. CLINICAL-SPEC section 2 lets a fever within the
 * look-back (default 24 h) satisfy the criterion at t: the window is (t - 24 h, t], so a fever
 * charted exactly 24 h earlier no longer counts. The latest febrile reading is quoted. With no
 * temperature in the look-back the fever domain is not assessed at t. A temperature is a reading,
 * not an interval: it creates no instants between readings (CLINICAL-SPEC section 4).
 */
final class FeverCriterion {

    /** The fever that hypotension or hypoxia pairs with, and whether it was charted after them. */
    record Pairing(Finding fever, boolean chartedAfter) {
    }

    private final FactIndex<Temperature> temperatures;
    private final FactIndex<Temperature> febrile;
    private final FactIndex<Temperature>.Cursor cursor;
    private final Duration lookBack;

    FeverCriterion(FactIndex<Temperature> temperatures, double threshold, Duration lookBack) {
        this.temperatures = temperatures;
        this.febrile = FactIndex.of(temperatures.all(), t -> t.celsius() >= threshold - CanonicalFacts.EPSILON);
        this.cursor = temperatures.cursor();
        this.lookBack = lookBack;
    }

    /**
     * The fever domain at {@code t}: grade 1 naming the latest fever in the look-back, grade 0 when
     * the look-back holds temperatures but no fever, {@code null} (not assessed) when it holds none.
     */
    Finding at(Instant t) {
        Temperature fever = febrile.latestWithin(t, lookBack);
        if (fever != null) {
            return Finding.of(Domain.FEVER, 1, RuleIds.CRS_FEVER, fever.id());
        }
        return temperatures.latestWithin(t, lookBack) == null ? null : Finding.nothingFound(Domain.FEVER);
    }

    /** Whether a temperature was charted at {@code t}; instants must be asked for in ascending order. */
    boolean readingAt(Instant t) {
        return cursor.hasAt(t);
    }

    /** The fever that hypotension or hypoxia at {@code t} pairs with: the fever criterion at t, or {@code null}. */
    Pairing pairing(Instant t) {
        Finding fever = at(t);
        return fever != null && fever.grade() > 0 ? new Pairing(fever, false) : null;
    }
}
