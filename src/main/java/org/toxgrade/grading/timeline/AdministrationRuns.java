package org.toxgrade.grading.timeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.toxgrade.grading.fact.AdministrationStatus;
import org.toxgrade.grading.fact.Fact;

/**
 * How long drug administrations run, by docs/clinical-rules.md section 2, "Administrations over time":
 * <ul>
 *   <li>an {@code effectivePeriod} with an end runs from its start (inclusive) to its end
 *       (exclusive), unless it is on hold;</li>
 *   <li>{@code in-progress} without an end runs until a later record of the same line starts, else
 *       it is still running (open);</li>
 *   <li>{@code completed} or {@code stopped} without an end is a single dose at its time: it holds
 *       at that instant only and is not running afterwards;</li>
 *   <li>{@code on-hold} pauses: the record does not run, with or without an end (it does not say
 *       when the pause began, and "on-hold pauses" leaves no running stretch to it). Like any
 *       later record of the same line, it ends an earlier open {@code in-progress} record at its
 *       start;</li>
 *   <li>{@code not-done} and {@code entered-in-error} retract the record before it becomes a fact;</li>
 *   <li>a record without a status (stored before statuses were kept, or charted at an instant) keeps
 *       the timing it had: the caller says whether such a record without an end runs open (a
 *       vasopressor infusion) or is a dose at its time (a sedative dose).</li>
 * </ul>
 *
 * <p><b>Line.</b> FHIR has no element naming an infusion line, and the spec speaks of "a later
 * record of the same line". The line here is the agent (for a drug dose: its category and agent):
 * ASTCT counts vasopressors by agent ("multiple vasopressors"), so two records of one agent are one
 * vasopressor whatever the pump, and an EHR that charts a rate change or a new bag as a new record
 * of the same drug ends the previous open record by doing so. "Later" means a strictly later start;
 * two records of one line starting at the same instant do not end each other.
 */
public final class AdministrationRuns {

    private AdministrationRuns() {
    }

    /**
     * The holdings of {@code administrations}, ordered by start and then canonically; records that
     * never run (paused, or ending where they start) are left out.
     *
     * @param line                 the line of a record (records of one line end each other)
     * @param end                  the charted end of a record's period, or {@code null}
     * @param status               the record's status, or {@code null} when unknown
     * @param withoutStatusRunOpen whether a record without a status and without an end is still
     *                             running ({@code true}) or a dose at its time ({@code false})
     */
    public static <T extends Fact> List<Holding<T>> of(List<T> administrations, Function<T, Object> line,
            Function<T, Instant> end, Function<T, AdministrationStatus> status, boolean withoutStatusRunOpen) {
        List<T> sorted = new ArrayList<>(administrations);
        sorted.sort(Fact.CANONICAL_ORDER);
        Map<Object, List<T>> byLine = new LinkedHashMap<>();
        for (T a : sorted) {
            byLine.computeIfAbsent(line.apply(a), k -> new ArrayList<>()).add(a);
        }
        List<Holding<T>> holdings = new ArrayList<>(sorted.size());
        for (List<T> records : byLine.values()) {
            for (int i = 0; i < records.size(); i++) {
                T a = records.get(i);
                Interval interval = interval(a.time(), end.apply(a), status.apply(a), nextStart(records, i),
                        withoutStatusRunOpen);
                if (interval != null && !interval.isEmpty()) {
                    holdings.add(new Holding<>(a, interval));
                }
            }
        }
        holdings.sort(Comparator.comparing((Holding<T> h) -> h.interval().start())
                .thenComparing(Holding::fact, Fact.CANONICAL_ORDER));
        return holdings;
    }

    private static Interval interval(Instant start, Instant end, AdministrationStatus status, Instant nextStart,
            boolean withoutStatusRunOpen) {
        if (status == AdministrationStatus.ON_HOLD) {
            return null;
        }
        if (end != null) {
            return Interval.halfOpen(start, end);
        }
        if (status == null) {
            return withoutStatusRunOpen ? Interval.halfOpen(start, null) : Interval.at(start);
        }
        switch (status) {
            case IN_PROGRESS:
                return Interval.halfOpen(start, nextStart);
            case COMPLETED:
            case STOPPED:
                return Interval.at(start);
            default:
                throw new IllegalStateException("unhandled administration status " + status);
        }
    }

    /** Start of the first record of the line that starts strictly after record {@code i}, else {@code null}. */
    private static <T extends Fact> Instant nextStart(List<T> line, int i) {
        Instant start = line.get(i).time();
        for (int j = i + 1; j < line.size(); j++) {
            if (line.get(j).time().isAfter(start)) {
                return line.get(j).time();
            }
        }
        return null;
    }
}
