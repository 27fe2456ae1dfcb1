package org.toxgrade.episode;

import java.time.Instant;

/**
 * One episode of a patient: from its infusion to the end of its monitoring window (or the next
 * infusion, whichever comes first), with a baseline stretch before the infusion, and a longer
 * surveillance of neurological findings after it (docs/clinical-rules.md section 1).
 *
 * @param key stable identifier derived from the patient and the infusion record, so re-deriving
 *     gives the same business identifiers
 * @param number 1 for the first infusion, 2 for the second ...
 * @param infusionSource the infusion record, e.g. {@code MedicationAdministration/cart-1}
 * @param baselineFrom facts at or after this and before the infusion are baseline
 * @param end facts before this belong to the episode's grading window (exclusive)
 * @param surveillanceEnd neurological findings before this are followed for the late neurotoxicity
 *     flags (exclusive); never before {@code end}
 */
public record EpisodeWindow(String key, int number, String infusionSource, Instant infusion, Instant baselineFrom,
        Instant end, Instant surveillanceEnd) {

    public EpisodeWindow {
        if (surveillanceEnd.isBefore(end)) {
            throw new IllegalArgumentException("the surveillance window cannot end before the grading window");
        }
    }

    /** Whether a fact at {@code time} belongs to the grading window (baseline included). */
    public boolean contains(Instant time) {
        return !time.isBefore(baselineFrom) && time.isBefore(end);
    }

    /** Whether a fact at {@code time} belongs to the episode at all: baseline, grading or surveillance window. */
    public boolean surveys(Instant time) {
        return !time.isBefore(baselineFrom) && time.isBefore(surveillanceEnd);
    }
}
