package org.toxgrade.grading.timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;
import org.toxgrade.grading.fact.Fact;

/**
 * Facts of one kind in canonical order, with the time look-ups the rules need done by binary
 * search, so that grading an episode is O(n log n) rather than O(n^2).
 */
public final class FactIndex<T extends Fact> {

    private final List<T> facts;
    private final Instant[] times;

    private FactIndex(List<T> sortedFacts) {
        this.facts = sortedFacts;
        this.times = new Instant[sortedFacts.size()];
        for (int i = 0; i < times.length; i++) {
            times[i] = sortedFacts.get(i).time();
        }
    }

    /** Sorts a copy of {@code facts} canonically, keeping only those that pass {@code keep}. */
    public static <T extends Fact> FactIndex<T> of(List<T> facts, Predicate<? super T> keep) {
        List<T> sorted = new ArrayList<>(facts.size());
        for (T f : facts) {
            if (keep.test(f)) {
                sorted.add(f);
            }
        }
        sorted.sort(Fact.CANONICAL_ORDER);
        return new FactIndex<>(Collections.unmodifiableList(sorted));
    }

    public List<T> all() {
        return facts;
    }

    public boolean isEmpty() {
        return facts.isEmpty();
    }

    /** Facts charted exactly at {@code t}: point findings count only at their own instant. */
    public List<T> at(Instant t) {
        int from = firstIndexAtOrAfter(t);
        int to = from;
        while (to < times.length && times[to].equals(t)) {
            to++;
        }
        return from == to ? List.of() : facts.subList(from, to);
    }

    /**
     * The latest fact in the half-open window (t - window, t]. The far edge is open so that a
     * window of 24 h means "less than 24 h ago" (docs/clinical-rules.md section 2, fever look-back).
     */
    public T latestWithin(Instant t, Duration window) {
        int i = lastIndexAtOrBefore(t);
        if (i < 0) {
            return null;
        }
        return times[i].isAfter(t.minus(window)) ? facts.get(i) : null;
    }

    /** All facts sharing the latest time at or before {@code t}; empty when there is none. */
    public List<T> latestAtOrBefore(Instant t) {
        int i = lastIndexAtOrBefore(t);
        return i < 0 ? List.of() : at(times[i]);
    }

    /** Whether a fact was charted exactly at {@code t}, without building a list. */
    public boolean hasAt(Instant t) {
        int i = firstIndexAtOrAfter(t);
        return i < times.length && times[i].equals(t);
    }

    /** Number of facts; with {@link #get}, {@link #timeAt} and the index look-ups below, allocation-free access. */
    public int size() {
        return times.length;
    }

    public T get(int index) {
        return facts.get(index);
    }

    public Instant timeAt(int index) {
        return times[index];
    }

    /** Index of the last fact at or before {@code t}, -1 when none. */
    public int indexOfLastAtOrBefore(Instant t) {
        return lastIndexAtOrBefore(t);
    }

    /** All facts sharing the earliest time strictly after {@code t}; empty when there is none. */
    public List<T> earliestAfter(Instant t) {
        int i = lastIndexAtOrBefore(t) + 1;
        return i < times.length ? at(times[i]) : List.of();
    }

    /** The first fact at or after {@code t}, or {@code null}. */
    public T firstAtOrAfter(Instant t) {
        int i = firstIndexAtOrAfter(t);
        return i < times.length ? facts.get(i) : null;
    }

    /**
     * A reader for instants visited in ascending order (the graders' walk over the assessment
     * instants): each look-up moves forward from the previous one instead of searching again, so a
     * whole walk costs O(facts + instants).
     */
    public Cursor cursor() {
        return new Cursor();
    }

    /** See {@link FactIndex#cursor()}; {@code t} must not go backwards between calls. */
    public final class Cursor {

        // First index whose time is at or after the last instant asked for.
        private int position;

        private Cursor() {
        }

        private void moveTo(Instant t) {
            while (position < times.length && times[position].compareTo(t) < 0) {
                position++;
            }
        }

        /** Facts charted exactly at {@code t}. */
        public List<T> at(Instant t) {
            moveTo(t);
            int to = position;
            while (to < times.length && times[to].equals(t)) {
                to++;
            }
            return to == position ? List.of() : facts.subList(position, to);
        }

        /** Whether a fact was charted exactly at {@code t}. */
        public boolean hasAt(Instant t) {
            moveTo(t);
            return position < times.length && times[position].equals(t);
        }

        /** Index of the last fact at or before {@code t}, -1 when none (see {@link FactIndex#get}). */
        public int lastIndexAtOrBefore(Instant t) {
            moveTo(t);
            int i = position;
            while (i < times.length && times[i].equals(t)) {
                i++;
            }
            return i - 1;
        }
    }

    private int firstIndexAtOrAfter(Instant t) {
        int low = 0;
        int high = times.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (times[mid].compareTo(t) < 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private int lastIndexAtOrBefore(Instant t) {
        int low = 0;
        int high = times.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (times[mid].compareTo(t) <= 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low - 1;
    }
}
