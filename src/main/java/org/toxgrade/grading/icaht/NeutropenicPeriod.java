package org.toxgrade.grading.icaht;

import java.util.OptionalInt;

/**
 * Days below a threshold, from the first such day to the last before recovery; dips separated by fewer recovery
 * days above the threshold than the configured number belong to one period (CLINICAL-SPEC section 9).
 *
 * @param firstDay    the first day whose lowest count was below the threshold
 * @param lastDay     the last such day before recovery (or the last judged)
 * @param recoveryDay the first of the consecutive days above the threshold that ended it; empty while open
 */
public record NeutropenicPeriod(int firstDay, int lastDay, OptionalInt recoveryDay) {

    public NeutropenicPeriod {
        if (lastDay < firstDay) {
            throw new IllegalArgumentException("a period ends on or after its first day");
        }
    }

    /** Its duration in days, the days in between included. */
    public int days() {
        return lastDay - firstDay + 1;
    }

    public boolean recovered() {
        return recoveryDay.isPresent();
    }
}
