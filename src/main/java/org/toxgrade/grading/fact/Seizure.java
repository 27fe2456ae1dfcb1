package org.toxgrade.grading.fact;

import java.time.Instant;
import java.util.Objects;

/** A seizure, clinical or on EEG (ASTCT ICANS seizure domain). */
public record Seizure(String id, Instant time, Kind kind) implements Fact {

    public enum Kind {
        CLINICAL_RAPIDLY_RESOLVING, EEG_NONCONVULSIVE_RESOLVING, PROLONGED_OR_REPETITIVE
    }

    public Seizure {
        FactChecks.idAndTime(id, time);
        Objects.requireNonNull(kind, "kind");
    }
}
