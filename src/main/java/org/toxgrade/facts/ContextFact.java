package org.toxgrade.facts;

import java.time.Instant;

/**
 * A fact the facts layer keeps although the grading has no record for it: it is either paired
 * with a grading fact by {@link EpisodeFactsAssembler} (oxygen flow and indication observed on
 * their own), starts an episode (the infusion), or is context for clinicians and flags (labs, the
 * body height and the patient's sex).
 * Like a grading fact, {@link #id()} is the source reference.
 */
public sealed interface ContextFact permits CarTInfusion, LabResult, OxygenFlow, OxygenIndication, BodyHeight,
        PatientSex {

    String id();

    Instant time();
}
