package org.toxgrade.derivation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.toxgrade.grading.icaht.IcahtConfig;
import org.toxgrade.grading.icaht.PeriodJoin;

/**
 * Site-tunable parameters of the ICAHT grading (CLINICAL-SPEC section 9, EHA/EBMT consensus); see
 * {@link IcahtConfig}. "(check)" marks a value the consensus text does not settle.
 */
@ConfigMapping(prefix = "toxgrade.icaht")
public interface IcahtSettings {

    /** A day whose lowest ANC is at or below this (10*9/L) is neutropenic (consensus: 0.5). */
    @WithDefault("0.5")
    double neutropeniaThreshold();

    /** A day whose lowest ANC is below this (10*9/L) is severely neutropenic (consensus: 0.1). */
    @WithDefault("0.1")
    double severeThreshold();

    /** Whether an ANC equal to the severe threshold is severe too ("(check)": below or at or below; default below). */
    @WithDefault("false")
    boolean severeInclusive();

    /** Consecutive days with a count above the threshold that end a neutropenic period (consensus: 3). */
    @WithDefault("3")
    int recoveryDays();

    /** LONGEST: the longest neutropenic period grades; SUM: all periods of days 0-30 added ("(check)"). */
    @WithDefault("LONGEST")
    PeriodJoin periodJoin();

    /** The last day of early ICAHT (consensus: day 30). */
    @WithDefault("30")
    int earlyLastDay();

    /** The last day of late ICAHT (default day 100, the end of the monitoring window). */
    @WithDefault("100")
    int lateLastDay();

    default IcahtConfig toIcahtConfig() {
        return new IcahtConfig(neutropeniaThreshold(), severeThreshold(), severeInclusive(), recoveryDays(),
                periodJoin(), earlyLastDay(), lateLastDay());
    }
}
