package org.toxgrade.flags;

import java.util.List;

/**
 * The grade 3 hypertension limit that applies to one blood pressure reading (docs/clinical-rules.md
 * section 5, CTCAE v5 "Hypertension", grade 3): for adults systolic or diastolic at or above their
 * thresholds, for adolescents at or above 140 / 90 mmHg, for children more than 5 mmHg above the
 * 99th percentile for age, sex and height.
 *
 * @param systolic  the systolic limit, mmHg
 * @param diastolic the diastolic limit, mmHg
 * @param reached   {@code true} when a reading at the limit is hypertensive ({@code >=}), {@code false}
 *                  when only a reading above it is ({@code >}, "more than 5 mmHg above")
 * @param factIds   the records the limit was read from (the body height used), any order
 * @param note      how the limit was chosen, for the evidence; empty for an adult
 */
record HypertensionLimit(double systolic, double diastolic, boolean reached, List<String> factIds, String note) {

    HypertensionLimit {
        factIds = List.copyOf(factIds);
    }

    /** True when a reading is grade 3 hypertension: either charted component reaches its limit. */
    boolean hypertensive(Double s, Double d) {
        return hypertensive(s, systolic) || hypertensive(d, diastolic);
    }

    /** True when a reading shows the hypertension gone: both components charted and neither reaching its limit. */
    boolean below(Double s, Double d) {
        return s != null && d != null && !hypertensive(s, systolic) && !hypertensive(d, diastolic);
    }

    private boolean hypertensive(Double value, double limit) {
        return value != null && (reached ? value >= limit : value > limit);
    }
}
