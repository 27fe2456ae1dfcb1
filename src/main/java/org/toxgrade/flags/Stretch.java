package org.toxgrade.flags;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A stretch of time during which one rule held, with the evidence for it; the stretches of a flag
 * are merged into occurrences by {@link Occurrences}.
 *
 * @param end     exclusive; {@code null} when nothing seen so far ends it
 * @param factIds source references of the facts behind the stretch, any order
 * @param grades  graded instants behind the stretch, any order
 * @param notes   sentences the evidence adds to the rule's explanation (how a limit was chosen), in order
 */
record Stretch(Instant start, Instant end, List<String> factIds, List<GradeAt> grades, List<String> notes) {

    Stretch {
        Objects.requireNonNull(start, "start");
        factIds = List.copyOf(factIds);
        grades = List.copyOf(grades);
        notes = List.copyOf(notes);
    }

    Stretch(Instant start, Instant end, List<String> factIds, List<GradeAt> grades) {
        this(start, end, factIds, grades, List.of());
    }

    /** A point finding at {@code time} that holds for {@code hold}. */
    static Stretch held(Instant time, Duration hold, List<String> factIds, List<GradeAt> grades) {
        return new Stretch(time, time.plus(hold), factIds, grades);
    }
}
