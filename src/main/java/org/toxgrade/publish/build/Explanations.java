package org.toxgrade.publish.build;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.toxgrade.grading.DayGrade;
import org.toxgrade.grading.InstantGrade;
import org.toxgrade.grading.Note;
import org.toxgrade.grading.Spell;
import org.toxgrade.grading.Syndrome;

/** Sentences a clinician reads: which grade, when, decided by which domains and consensus rules. */
final class Explanations {

    private Explanations() {
    }

    static String spell(Syndrome syndrome, Spell spell, InstantGrade onset, InstantGrade peak, int peakDay) {
        StringBuilder text = new StringBuilder()
                .append(syndrome).append(spell.recurrence() ? " recurrence " : " episode ").append(spell.number())
                .append(": onset ").append(onset.time()).append(" (grade ").append(onset.grade().getAsInt())
                .append(", ")
                .append(domains(onset)).append("); peak ASTCT grade ").append(peak.grade().getAsInt())
                .append(" on day ")
                .append(peakDay).append(" at ").append(peak.time()).append(", decided by ").append(domains(peak))
                .append(" [").append(String.join(", ", peak.evidence().ruleIds())).append("]");
        spell.abatement().ifPresent(at -> text.append("; abated ").append(at));
        String notes = peak.evidence().notes().stream().map(Note::text).distinct().collect(Collectors.joining("; "));
        if (!notes.isEmpty()) {
            text.append(". Notes: ").append(notes);
        }
        return text.toString();
    }

    /**
     * The days on which the syndrome was not assessed, by reason, with runs of days joined: "ICANS not
     * assessed on days 1, 9-10, 13 (no neurological assessment)". A reader must never take a day without
     * data for a grade-0 day (docs/clinical-rules.md section 4). Empty when every day was assessed.
     */
    static String notAssessed(Syndrome syndrome, List<DayGrade> days) {
        Map<String, List<Integer>> byReason = new LinkedHashMap<>();
        for (DayGrade day : days) {
            day.notAssessed().ifPresent(r -> byReason.computeIfAbsent(r.text(), k -> new ArrayList<>()).add(day.day()));
        }
        List<String> parts = new ArrayList<>();
        byReason.forEach((reason, list) -> parts.add((list.size() == 1 ? "day " : "days ") + runs(list) + " (" + reason
                + ")"));
        return parts.isEmpty() ? "" : syndrome + " not assessed on " + String.join("; ", parts);
    }

    /** 1, 2, 3, 5 -> "1-3, 5". */
    static String runs(List<Integer> days) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < days.size()) {
            int j = i;
            while (j + 1 < days.size() && days.get(j + 1) == days.get(j) + 1) {
                j++;
            }
            out.add(i == j ? String.valueOf(days.get(i)) : days.get(i) + "-" + days.get(j));
            i = j + 1;
        }
        return String.join(", ", out);
    }

    private static String domains(InstantGrade grade) {
        return grade.evidence().decisiveDomains().stream().map(d -> d.name().toLowerCase().replace('_', ' '))
                .collect(Collectors.joining(" + "));
    }
}
