package org.toxgrade.flags;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns the stretches of one flag into numbered occurrences: stretches that overlap or touch are
 * one occurrence; an occurrence whose end has been reached by {@code asOf} is inactive with that
 * end, the others are active with no end (docs/clinical-rules.md section 5). The episode ends on a
 * clinician-recorded death (docs/clinical-rules.md section 1), so nothing holds after it.
 */
final class Occurrences {

    private static final Comparator<Stretch> BY_START = Comparator.comparing(Stretch::start)
            .thenComparing(Stretch::end, Comparator.nullsLast(Comparator.naturalOrder()));

    private Occurrences() {
    }

    /**
     * @param asOf       the instant the flag is judged at: an end at or before it is reached
     * @param episodeEnd the end of what the rule sees: {@code asOf} or an earlier death
     */
    static List<FlagOccurrence> of(NeurotoxicityFlag flag, List<Stretch> stretches, EpisodeView episode,
            String explanation, Instant asOf, Instant episodeEnd) {
        List<Stretch> sorted = new ArrayList<>(stretches.size());
        for (Stretch s : stretches) {
            if (s.end() == null || s.end().isAfter(s.start())) {
                sorted.add(s);
            }
        }
        sorted.sort(BY_START);
        List<FlagOccurrence> result = new ArrayList<>();
        int i = 0;
        while (i < sorted.size()) {
            Stretch first = sorted.get(i);
            Instant end = first.end();
            List<Stretch> group = new ArrayList<>();
            group.add(first);
            i++;
            while (i < sorted.size() && (end == null || !sorted.get(i).start().isAfter(end))) {
                Stretch next = sorted.get(i);
                end = end == null || next.end() == null ? null : max(end, next.end());
                group.add(next);
                i++;
            }
            result.add(occurrence(flag, result.size() + 1, first.start(), end, group, episode, explanation, asOf,
                    episodeEnd));
        }
        return result;
    }

    private static FlagOccurrence occurrence(NeurotoxicityFlag flag, int number, Instant start, Instant end,
            List<Stretch> group, EpisodeView episode, String explanation, Instant asOf, Instant episodeEnd) {
        if (episodeEnd.isBefore(asOf) && (end == null || end.isAfter(episodeEnd))) {
            end = episodeEnd;
        }
        boolean ended = end != null && !end.isAfter(asOf);
        Set<String> ids = new LinkedHashSet<>();
        Set<GradeAt> grades = new LinkedHashSet<>();
        List<String> allIds = new ArrayList<>();
        for (Stretch s : group) {
            allIds.addAll(s.factIds());
            grades.addAll(s.grades());
        }
        allIds.sort(Comparator.comparing(episode::timeOf).thenComparing(Comparator.naturalOrder()));
        ids.addAll(allIds);
        List<GradeAt> sortedGrades = new ArrayList<>(grades);
        sortedGrades.sort(GradeAt.ORDER);
        return new FlagOccurrence(flag, flag.priority(), number, start, ended ? end : null,
                ended ? FlagStatus.INACTIVE : FlagStatus.ACTIVE,
                new FlagEvidence(List.copyOf(ids), sortedGrades, explanation));
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
