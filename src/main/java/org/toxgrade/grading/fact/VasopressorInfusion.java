package org.toxgrade.grading.fact;

import java.time.Instant;
import java.util.Objects;

/**
 * A continuous vasopressor infusion, running from {@code start} (inclusive) until {@code end}
 * (exclusive); {@code end == null} means still running (CLINICAL-SPEC section 8).
 *
 * @param status the administration's status (CLINICAL-SPEC section 2, "Administrations over
 *               time"); {@code null} for a fact stored before statuses were kept
 */
public record VasopressorInfusion(String id, Agent agent, Instant start, Instant end, AdministrationStatus status)
        implements
            Fact {

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

    /** An infusion without a status: the timing of facts stored before statuses were kept. */
    public VasopressorInfusion(String id, Agent agent, Instant start, Instant end) {
        this(id, agent, start, end, null);
    }

    @Override
    public Instant time() {
        return start;
    }
}
