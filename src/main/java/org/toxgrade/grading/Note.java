package org.toxgrade.grading;

import java.util.List;
import java.util.Objects;

/** A remark on a grade, with the facts it is about. */
public record Note(NoteCode code, String text, List<String> factIds) {

    public Note {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(text, "text");
        factIds = List.copyOf(factIds);
    }

    public static Note of(NoteCode code, String text, String... factIds) {
        return new Note(code, text, List.of(factIds));
    }
}
