package org.toxgrade.grading.fact;

import java.time.Instant;

/**
 * A clinician's statement whether the patient is developmentally unable to do the ICE assessment
 * (docs/clinical-rules.md sections 3 and 8, Observation {@code toxgrade-observation#ice-developmental-inability}).
 * It is a state, not a reading: from {@code time} on, until a later statement, {@code unable}
 * {@code true} has the patient assessed with the CAPD instead of the ICE whatever the age, and
 * {@code false} lets the age decide again. A statement charted before the infusion still holds in the
 * episode.
 *
 * @param unable the Observation's valueBoolean
 */
public record DevelopmentalInability(String id, Instant time, boolean unable) implements Fact {

    public DevelopmentalInability {
        FactChecks.idAndTime(id, time);
    }
}
