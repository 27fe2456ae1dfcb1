package org.toxgrade.flags;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The course of a persistent neurological problem as its findings are charted (docs/clinical-rules.md
 * section 5: "a finding that persists keeps one occurrence open until evidence of resolution ... or
 * a configurable silence; the same flag does not flicker into several occurrences while the
 * symptoms continue").
 *
 * <p>An occurrence opens at a finding that may start one. Each <b>kind</b> of finding in it stays
 * active from its last charting until the earlier of
 * <ul>
 *   <li>{@link FlagConfig#persistentFindingSilence()} (default 28 days) without it being charted
 *       again, and</li>
 *   <li>the first <b>evidence of resolution</b> of that kind charted after it, where the input
 *       contract can say so (a later imaging study without the finding; the resolution of the ICANS
 *       spell for encephalopathy). The contract has no code for a normal strength, a normal EMG or
 *       a normal CSF, so those kinds end by silence only.</li>
 * </ul>
 * While any kind is active, every finding joins the occurrence; it ends when the last kind stops
 * being active. A finding charted when nothing is active opens the next occurrence, if it may.
 */
final class FindingCourse {

    /** One charted finding of one kind. */
    record Finding(String kind, Instant time, List<String> factIds, List<GradeAt> grades, boolean mayStart) {
    }

    private FindingCourse() {
    }

    /**
     * @param findings   in time order; at one instant, findings that may start first
     * @param resolution for a kind and a charting time, the first evidence of resolution after it
     */
    static List<Stretch> stretches(List<Finding> findings, Duration silence,
            BiFunction<String, Instant, Optional<Instant>> resolution) {
        List<Stretch> result = new ArrayList<>();
        Map<String, Instant> activeUntil = new HashMap<>();
        Instant start = null;
        List<String> ids = new ArrayList<>();
        List<GradeAt> grades = new ArrayList<>();
        for (Finding f : findings) {
            if (start != null && !activeAt(activeUntil, f.time())) {
                result.add(new Stretch(start, end(activeUntil), ids, grades));
                start = null;
            }
            if (start == null) {
                if (!f.mayStart()) {
                    continue;
                }
                start = f.time();
                activeUntil.clear();
                ids = new ArrayList<>();
                grades = new ArrayList<>();
            }
            activeUntil.put(f.kind(), until(f, silence, resolution));
            ids.addAll(f.factIds());
            grades.addAll(f.grades());
        }
        if (start != null) {
            result.add(new Stretch(start, end(activeUntil), ids, grades));
        }
        return result;
    }

    /** Until when a finding keeps its kind active: the silence, or an earlier resolution. */
    static Instant until(Finding f, Duration silence, BiFunction<String, Instant, Optional<Instant>> resolution) {
        Instant until = f.time().plus(silence);
        Optional<Instant> resolved = resolution.apply(f.kind(), f.time());
        return resolved.isPresent() && resolved.get().isBefore(until) ? resolved.get() : until;
    }

    /** Touching counts as active: a finding charted exactly at the end continues the occurrence. */
    private static boolean activeAt(Map<String, Instant> activeUntil, Instant t) {
        return activeUntil.values().stream().anyMatch(u -> !u.isBefore(t));
    }

    private static Instant end(Map<String, Instant> activeUntil) {
        return activeUntil.values().stream().max(Instant::compareTo).orElseThrow();
    }
}
