package org.toxgrade.flags;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.toxgrade.grading.fact.BloodPressure;

/**
 * The blood pressure at one instant. A site may chart systolic and diastolic as separate
 * observations (docs/clinical-rules.md section 8); they are combined, and when two readings of one
 * component share an instant the higher counts, so that hypertension is never missed.
 */
record BloodPressureReading(Instant time, Double systolic, Double diastolic, List<String> factIds) {

    static BloodPressureReading of(List<BloodPressure> atOneInstant) {
        Double systolic = null;
        Double diastolic = null;
        List<String> ids = new ArrayList<>();
        for (BloodPressure bp : atOneInstant) {
            systolic = higher(systolic, bp.systolic());
            diastolic = higher(diastolic, bp.diastolic());
            ids.add(bp.id());
        }
        return new BloodPressureReading(atOneInstant.get(0).time(), systolic, diastolic, List.copyOf(ids));
    }

    private static Double higher(Double a, Double b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Math.max(a, b);
    }

    boolean hypertensive(HypertensionLimit limit) {
        return limit.hypertensive(systolic, diastolic);
    }

    boolean belowHypertension(HypertensionLimit limit) {
        return limit.below(systolic, diastolic);
    }
}
