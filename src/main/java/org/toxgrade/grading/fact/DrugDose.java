package org.toxgrade.grading.fact;

import java.time.Instant;
import java.util.Objects;

/**
 * A drug administration the grading cares about: antipyretics, anti-cytokine agents and
 * corticosteroids mask fever (ASTCT CRS footnote); sedatives confound the level of consciousness.
 *
 * <p>Timing (docs/clinical-rules.md section 2, "Administrations over time"): {@code time} is when it was
 * given or started. An administration charted at an instant ({@code effectiveDateTime}) is a dose
 * at {@code time}; it has no {@code status} and no {@code end}. One charted over a period
 * ({@code effectivePeriod}) carries its {@code status} and its {@code end} when known, and runs as
 * described in {@link VasopressorInfusion} (the same rules; its line is its category and agent).
 * A fact without a status and without an end (also one stored before statuses were kept) is a
 * dose at {@code time}, as before. Only sedatives are read over time by the grading (they confound
 * the level of consciousness while they run); the other categories count at {@code time}.
 *
 * @param end    end of the period, {@code null} when charted at an instant or still open
 * @param status status of an administration charted over a period, else {@code null}
 */
public record DrugDose(String id, Instant time, Category category, String agent, Double doseMg,
        Double dexamethasoneEquivalentMg, Instant end, AdministrationStatus status) implements Fact {

    public enum Category {

        ANTIPYRETIC, ANTI_CYTOKINE, CORTICOSTEROID, SEDATIVE, ANTISEIZURE,
        /** Granulocyte colony-stimulating factor: evidence of the ICAHT grading, never changes a grade. */
        G_CSF, OTHER;

        /** ASTCT CRS footnote: "antipyretic or anticytokine therapy such as tocilizumab or steroids". */
        public boolean masksFever() {
            return this == ANTIPYRETIC || this == ANTI_CYTOKINE || this == CORTICOSTEROID;
        }
    }

    public DrugDose {
        FactChecks.idAndTime(id, time);
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(agent, "agent");
        if (end != null && end.isBefore(time)) {
            throw new IllegalArgumentException("drug administration ends before it starts: " + id);
        }
    }

    /** A dose given at {@code time}: no period, no status. */
    public DrugDose(String id, Instant time, Category category, String agent, Double doseMg,
            Double dexamethasoneEquivalentMg) {
        this(id, time, category, agent, doseMg, dexamethasoneEquivalentMg, null, null);
    }
}
