package org.toxgrade.grading.fact;

import java.time.Instant;
import java.util.Objects;

/** A charted level of consciousness (ASTCT ICANS "depressed level of consciousness" domain). */
public record ConsciousnessLevel(String id, Instant time, Level level) implements Fact {

    public enum Level {
        ALERT, AWAKENS_SPONTANEOUSLY, AWAKENS_TO_VOICE, AWAKENS_TO_TOUCH, UNAROUSABLE
    }

    public ConsciousnessLevel {
        FactChecks.idAndTime(id, time);
        Objects.requireNonNull(level, "level");
    }
}
