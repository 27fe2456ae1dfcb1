package org.toxgrade.grading.timeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.toxgrade.grading.fact.Fact;

/**
 * The holdings in force at each instant, for instants visited in ascending order: a holding joins
 * when it starts and leaves once it no longer contains the instant, so an episode costs
 * O(instants + holdings x in force) rather than a scan of every holding at every instant.
 */
public final class IntervalSweep<T extends Fact> {

    private final List<Holding<T>> byStart;
    private final List<Holding<T>> active = new ArrayList<>();
    private int next;
    private List<Holding<T>> snapshot = List.of();

    /** @param sortedByStart holdings ordered by start (as {@link AdministrationRuns#of} returns them) */
    public IntervalSweep(List<Holding<T>> sortedByStart) {
        this.byStart = sortedByStart;
    }

    /** Holdings containing {@code t}, in start order; {@code t} must not go backwards between calls. */
    public List<Holding<T>> at(Instant t) {
        boolean changed = false;
        while (next < byStart.size() && !byStart.get(next).interval().start().isAfter(t)) {
            active.add(byStart.get(next++));
            changed = true;
        }
        // Additions come in start order and removal keeps order, so the list stays ordered.
        changed |= active.removeIf(h -> !h.interval().contains(t));
        if (changed) {
            snapshot = List.copyOf(active);
        }
        return snapshot;
    }
}
