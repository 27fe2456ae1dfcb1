package org.toxgrade.grading.fact;

import java.time.Instant;

/**
 * A blood pressure reading in mmHg. Any component may be missing: a site may chart systolic and
 * diastolic as separate observations, or only a mean arterial pressure.
 */
public record BloodPressure(String id, Instant time, Double systolic, Double diastolic, Double mean) implements Fact {

    public BloodPressure {
        FactChecks.idAndTime(id, time);
        if (systolic == null && diastolic == null && mean == null) {
            throw new IllegalArgumentException("blood pressure needs at least one component");
        }
    }

    /** True when the mean arterial pressure was not charted but can be estimated from systolic and diastolic. */
    public boolean meanIsComputable() {
        return mean == null && systolic != null && diastolic != null;
    }

    /** The charted MAP, else the usual estimate (S + 2D) / 3, else {@code null}. */
    public Double meanOrEstimate() {
        if (mean != null) {
            return mean;
        }
        return meanIsComputable() ? (systolic + 2.0 * diastolic) / 3.0 : null;
    }
}
