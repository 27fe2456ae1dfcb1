package org.toxgrade.grading.crs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.toxgrade.grading.fact.VasopressorInfusion;

/**
 * The vasopressor infusions running at each instant, for instants visited in ascending order:
 * infusions join when they start and leave when they stop, so the whole episode costs
 * O(instants + infusions x running).
 */
final class VasopressorSweep {

    private final List<VasopressorInfusion> byStart;
    private final List<VasopressorInfusion> running = new ArrayList<>();
    private int next;
    private List<VasopressorInfusion> snapshot = List.of();

    VasopressorSweep(List<VasopressorInfusion> sortedByStart) {
        this.byStart = sortedByStart;
    }

    /** Infusions running at {@code t} in canonical order; {@code t} must not go backwards between calls. */
    List<VasopressorInfusion> runningAt(Instant t) {
        boolean changed = false;
        while (next < byStart.size() && !byStart.get(next).start().isAfter(t)) {
            running.add(byStart.get(next++));
            changed = true;
        }
        // Additions come in canonical order and removal keeps order, so the list stays canonical.
        changed |= running.removeIf(v -> !v.runningAt(t));
        if (changed) {
            snapshot = List.copyOf(running);
        }
        return snapshot;
    }
}
