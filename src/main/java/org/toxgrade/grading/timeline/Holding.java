package org.toxgrade.grading.timeline;

import java.util.Objects;
import org.toxgrade.grading.fact.Fact;

/** A fact and the {@link Interval} over which it holds between observations. */
public record Holding<T extends Fact>(T fact, Interval interval) {

    public Holding {
        Objects.requireNonNull(fact, "fact");
        Objects.requireNonNull(interval, "interval");
    }
}
