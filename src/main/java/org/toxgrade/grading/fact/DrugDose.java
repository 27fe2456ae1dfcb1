package org.toxgrade.grading.fact;

import java.time.Instant;
import java.util.Objects;

/**
 * A drug administration the grading cares about: antipyretics, anti-cytokine agents and
 * corticosteroids mask fever (ASTCT CRS footnote); sedatives confound the level of consciousness.
 */
public record DrugDose(String id, Instant time, Category category, String agent, Double doseMg,
        Double dexamethasoneEquivalentMg) implements Fact {

    public enum Category {

        ANTIPYRETIC, ANTI_CYTOKINE, CORTICOSTEROID, SEDATIVE, ANTISEIZURE, OTHER;

        /** ASTCT CRS footnote: "antipyretic or anticytokine therapy such as tocilizumab or steroids". */
        public boolean masksFever() {
            return this == ANTIPYRETIC || this == ANTI_CYTOKINE || this == CORTICOSTEROID;
        }
    }

    public DrugDose {
        FactChecks.idAndTime(id, time);
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(agent, "agent");
    }
}
