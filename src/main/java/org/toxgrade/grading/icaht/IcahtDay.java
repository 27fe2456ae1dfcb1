package org.toxgrade.grading.icaht;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One episode day of the ICAHT course: the phase's grade as judged at the end of that day from the counts up to
 * it, on days with a count; a day without a count is not assessed (never grade 0).
 *
 * @param lowest  the day's lowest count (the one that counts, CLINICAL-SPEC section 9); empty when none
 * @param gcsfIds G-CSF doses given on the day
 */
public record IcahtDay(int day, IcahtPhase phase, OptionalInt grade, Optional<AncValue> lowest, List<String> gcsfIds,
        List<String> ruleIds, List<String> notes) {

    public IcahtDay {
        gcsfIds = List.copyOf(gcsfIds);
        ruleIds = List.copyOf(ruleIds);
        notes = List.copyOf(notes);
    }
}
