package org.toxgrade.grading.fact;

import java.time.Instant;
import java.util.Objects;

/**
 * A vasopressor administration charted over a period ({@code effectivePeriod}) from {@code start}.
 * How long it runs follows docs/clinical-rules.md section 2, "Administrations over time", and is decided
 * by the grading (package {@code grading.timeline}, {@code AdministrationRuns}), because it may
 * depend on later records of the same line:
 * <ul>
 *   <li>with an {@code end}: running from {@code start} (inclusive) to {@code end} (exclusive),
 *       unless on hold;</li>
 *   <li>{@link AdministrationStatus#IN_PROGRESS} without an end: running until a later record of
 *       the same agent starts, else still running;</li>
 *   <li>{@link AdministrationStatus#COMPLETED} or {@link AdministrationStatus#STOPPED} without an
 *       end: a single dose at {@code start}, not running afterwards;</li>
 *   <li>{@link AdministrationStatus#ON_HOLD}: paused, not running, with or without an end;</li>
 *   <li>no status ({@code null}, a fact stored before statuses were kept): running from
 *       {@code start} until {@code end}, no end meaning still running, as before.</li>
 * </ul>
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
