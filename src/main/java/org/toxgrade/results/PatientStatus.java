package org.toxgrade.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.toxgrade.flags.FlagPriority;
import org.toxgrade.flags.NeurotoxicityFlag;
import org.toxgrade.grading.Syndrome;

/**
 * Where a patient stands now: the newest episode's last judged day, its latest grade of each syndrome, the active
 * flags in priority order, and the last ICE assessment. What the ward worklist lists and the CDS Hooks cards
 * say, both read from the stored timeline and Flags (nothing is graded here).
 *
 * @param day       the episode day of the last judged day (the derivation's as-of day)
 * @param inWindow  whether the episode's monitoring window (to day 100) is still open
 * @param grades    each syndrome's latest grade, by the syndrome code the timeline keys its days by ({@code crs},
 *                  {@code icans}), in the order of {@link Syndrome}
 * @param lastIce   the last ICE assessment charted, {@code null} when none
 */
public record PatientStatus(String patient, int episodeNumber, Instant infusion, Instant windowEnd, boolean inWindow,
        int day, String date, Map<String, Grade> grades, List<ActiveFlag> flags, Instant lastIce, Instant derivedAt) {

    public PatientStatus {
        grades = Collections.unmodifiableMap(new LinkedHashMap<>(grades));
        flags = List.copyOf(flags);
    }

    /**
     * A syndrome's latest day grade: that of the last day it was assessed ({@code day}), since a day that has
     * only begun is often not assessed yet; {@code grade} and {@code day} null when no day of the episode was.
     *
     * @param notAssessed why the last judged day was not assessed, null when it was
     * @param explanation which facts and rules made the grade, in words (the timeline's)
     */
    public record Grade(Integer grade, Integer day, String notAssessed, String explanation) {

        static Grade latest(JsonNode days, String syndrome) {
            String notAssessed = null;
            for (int i = days.size() - 1; i >= 0; i--) {
                JsonNode node = days.get(i).path("grades").path(syndrome);
                if (node.path("grade").isNumber()) {
                    return new Grade(node.path("grade").asInt(), days.get(i).path("day").asInt(), notAssessed,
                            text(node.path("explanation")));
                }
                if (i == days.size() - 1) {
                    notAssessed = text(node.path("notAssessed"));
                }
            }
            return new Grade(null, null, notAssessed == null ? "no day of the episode judged" : notAssessed, null);
        }

        public boolean atLeast(int minimum) {
            return grade != null && grade >= minimum;
        }
    }

    /**
     * An active neurotoxicity Flag.
     *
     * @param id          the Flag's id (its business identifier value)
     * @param explanation the Flag's {@code code.text}: its display and what raised it
     */
    public record ActiveFlag(String id, String code, String display, FlagPriority priority, Instant since,
            String explanation) {
    }

    /** High priority first (PH, PM, PL), then the older first, then by code. */
    static final Comparator<ActiveFlag> BY_PRIORITY = Comparator.comparing(ActiveFlag::priority)
            .thenComparing(ActiveFlag::since, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(ActiveFlag::code);

    /** The status from an episode's stored timeline (its last day) and the patient's active flags. */
    static PatientStatus of(String patient, int episodeNumber, Instant infusion, Instant windowEnd, Instant derivedAt,
            JsonNode timeline, List<ActiveFlag> flags, Instant now) {
        JsonNode days = timeline.path("days");
        JsonNode last = days.isArray() && !days.isEmpty() ? days.get(days.size() - 1) : null;
        List<ActiveFlag> ordered = new ArrayList<>(flags);
        ordered.sort(BY_PRIORITY);
        String lastIce = text(timeline.path("lastIceAssessment"));
        return new PatientStatus(patient, episodeNumber, infusion, windowEnd,
                windowEnd.isAfter(now), last == null ? 0 : last.path("day").asInt(),
                last == null ? null : text(last.path("date")),
                grades(days), List.copyOf(ordered), lastIce == null ? null : Instant.parse(lastIce), derivedAt);
    }

    /** Every syndrome, in the order of {@link Syndrome}, with its latest grade in the timeline. */
    private static Map<String, Grade> grades(JsonNode days) {
        Map<String, Grade> grades = new LinkedHashMap<>();
        for (Syndrome syndrome : Syndrome.values()) {
            grades.put(syndrome.code(), Grade.latest(days, syndrome.code()));
        }
        return grades;
    }

    /** Whether the last ICE is older than {@code interval} at {@code now}, or there was none. */
    public boolean iceOverdue(Instant now, Duration interval) {
        return lastIce == null || Duration.between(lastIce, now).compareTo(interval) > 0;
    }

    /** The flag with this CodeSystem code, or null for a code this version does not know. */
    static NeurotoxicityFlag known(String code) {
        for (NeurotoxicityFlag flag : NeurotoxicityFlag.values()) {
            if (flag.code().equals(code)) {
                return flag;
            }
        }
        return null;
    }

    private static String text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? null : node.asText();
    }
}
