package org.toxgrade.grading.fact;

import java.time.Instant;
import java.util.Objects;

/**
 * A continuous vasopressor infusion, running from {@code start} (inclusive) until {@code end}
 * (exclusive); {@code end == null} means still running (CLINICAL-SPEC section 8).
 */
public record VasopressorInfusion(String id, Agent agent, Instant start, Instant end) implements Fact {

    public enum Agent {
        NOREPINEPHRINE, EPINEPHRINE, PHENYLEPHRINE, DOPAMINE, VASOPRESSIN
    }

    public VasopressorInfusion {
        FactChecks.idAndTime(id, start);
        Objects.requireNonNull(agent, "agent");
        if (end != null && end.isBefore(start)) {
            throw new IllegalArgumentException("vasopressor infusion ends before it starts: " + id);
        }
    }

    @Override
    public Instant time() {
        return start;
    }

    public boolean runningAt(Instant t) {
        return !t.isBefore(start) && (end == null || t.isBefore(end));
    }
}
