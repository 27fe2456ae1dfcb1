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
 * ASTCT CRS fever: temperature >= 38.0 C, read by docs/clinical-rules.md section 2 (instants must be asked
 * for in ascending order):
 * <ul>
 *   <li><b>Fever criterion at t</b>: the latest temperature at or before t decides, if it lies in
 *       the look-back (t - 24 h, t]: a fever satisfies the criterion, a later reading below 38.0 C
 *       ends it, and a fever charted exactly 24 h earlier no longer counts. Readings charted at the
 *       same instant count as a fever if any of them is one (the safer reading grades). With no
 *       temperature in the look-back the fever domain is not assessed at t.</li>
 *   <li><b>Pairing</b>: hypotension or hypoxia at t pairs with a fever less than the pairing window
 *       away, in either order: the fever deciding the criterion at t when it was charted less than
 *       the window before t, else the first temperature charted after t, when it is a fever charted
 *       less than the window after t (a blood pressure charted minutes before the febrile reading
 *       counts with it).</li>
 * </ul>
 * A temperature is a reading, not an interval: fever alone grades CRS 1 where the criterion is
 * judged, at an assessment instant; it creates no instants between readings (docs/clinical-rules.md
 * section 4).
 */
final class FeverCriterion {

    /** The fever that hypotension or hypoxia pairs with, and whether it was charted after them. */
    record Pairing(Finding fever, boolean chartedAfter) {
    }

    private final FactIndex<Temperature> temperatures;
    private final FactIndex<Temperature>.Cursor cursor;
    private final double threshold;
    private final Duration lookBack;
    private final Duration pairingWindow;

    FeverCriterion(FactIndex<Temperature> temperatures, double threshold, Duration lookBack, Duration pairingWindow) {
        this.temperatures = temperatures;
        this.cursor = temperatures.cursor();
        this.threshold = threshold;
        this.lookBack = lookBack;
        this.pairingWindow = pairingWindow;
    }

    /**
     * The fever domain at {@code t}: grade 1 naming the fever when the criterion holds, grade 0 when
     * the latest reading in the look-back is below 38.0 C, {@code null} (not assessed) when there is
     * no reading in the look-back.
     */
    Finding at(Instant t) {
        int latest = cursor.lastIndexAtOrBefore(t);
        if (latest < 0 || !temperatures.timeAt(latest).isAfter(t.minus(lookBack))) {
            return null;
        }
        Temperature fever = febrileAt(latest);
        return fever == null ? Finding.nothingFound(Domain.FEVER) : finding(fever);
    }

    /** Whether a temperature was charted at {@code t}. */
    boolean readingAt(Instant t) {
        return cursor.hasAt(t);
    }

    /** The fever that hypotension or hypoxia at {@code t} pairs with, or {@code null}. */
    Pairing pairing(Instant t) {
        int latest = cursor.lastIndexAtOrBefore(t);
        if (latest >= 0) {
            Instant time = temperatures.timeAt(latest);
            if (time.isAfter(t.minus(lookBack)) && time.isAfter(t.minus(pairingWindow))) {
                Temperature before = febrileAt(latest);
                if (before != null) {
                    return new Pairing(finding(before), false);
                }
            }
        }
        int next = latest + 1;
        if (next < temperatures.size() && temperatures.timeAt(next).isBefore(t.plus(pairingWindow))) {
            Temperature after = febrileAt(next);
            if (after != null) {
                return new Pairing(finding(after), true);
            }
        }
        return null;
    }

    Duration pairingWindow() {
        return pairingWindow;
    }

    /** The first fever (canonical order) among the readings sharing the time of reading {@code index}, or {@code null}. */
    private Temperature febrileAt(int index) {
        Instant time = temperatures.timeAt(index);
        int first = index;
        while (first > 0 && temperatures.timeAt(first - 1).equals(time)) {
            first--;
        }
        for (int i = first; i < temperatures.size() && temperatures.timeAt(i).equals(time); i++) {
            Temperature r = temperatures.get(i);
            if (r.celsius() >= threshold - CanonicalFacts.EPSILON) {
                return r;
            }
        }
        return null;
    }

    private static Finding finding(Temperature fever) {
        return Finding.of(Domain.FEVER, 1, RuleIds.CRS_FEVER, fever.id());
    }
}
