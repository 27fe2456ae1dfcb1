package org.toxgrade.grading.icaht;

import java.util.Objects;

/**
 * Site parameters of the ICAHT grading (CLINICAL-SPEC section 9). Values marked "(check)" are not confirmed in the
 * consensus text and are configurable for that reason.
 *
 * @param neutropeniaThreshold  ANC (10*9/L) at or below which a day is neutropenic: 0.5
 * @param severeThreshold       ANC (10*9/L) below which a day is severely neutropenic: 0.1
 * @param severeInclusive       whether a count equal to {@code severeThreshold} is severe ("(check) <= vs <";
 *                              default false: below only)
 * @param recoveryDays          consecutive days above the threshold that end a neutropenic period: 3
 * @param periodJoin            longest period or all periods summed ("(check)"; default longest)
 * @param earlyLastDay          the last day of early ICAHT: 30
 * @param lateLastDay           the last day of late ICAHT: 100
 */
public record IcahtConfig(double neutropeniaThreshold, double severeThreshold, boolean severeInclusive,
        int recoveryDays, PeriodJoin periodJoin, int earlyLastDay, int lateLastDay) {

    public IcahtConfig {
        Objects.requireNonNull(periodJoin, "periodJoin");
        if (!(severeThreshold > 0) || !(neutropeniaThreshold > severeThreshold)) {
            throw new IllegalArgumentException("need 0 < severe threshold < neutropenia threshold");
        }
        if (recoveryDays < 1) {
            throw new IllegalArgumentException("recovery takes at least one day above the threshold");
        }
        if (earlyLastDay < 0 || lateLastDay <= earlyLastDay) {
            throw new IllegalArgumentException("need 0 <= early last day < late last day");
        }
    }

    /** The consensus values, and the defaults of the "(check)" items. */
    public static IcahtConfig defaults() {
        return new IcahtConfig(0.5, 0.1, false, 3, PeriodJoin.LONGEST, 30, 100);
    }

    boolean severe(double gigaPerLitre) {
        return severeInclusive ? gigaPerLitre <= severeThreshold : gigaPerLitre < severeThreshold;
    }

    boolean neutropenic(double gigaPerLitre) {
        return gigaPerLitre <= neutropeniaThreshold;
    }
}
