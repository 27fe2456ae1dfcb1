package org.toxgrade.publish.build;

import java.util.stream.Collectors;
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

    private static String domains(InstantGrade grade) {
        return grade.evidence().decisiveDomains().stream().map(d -> d.name().toLowerCase().replace('_', ' '))
                .collect(Collectors.joining(" + "));
    }
}
