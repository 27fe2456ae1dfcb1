package org.toxgrade.cdshooks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.toxgrade.flags.NeurotoxicityFlag;
import org.toxgrade.results.PatientStatus;

/**
 * The cards of the {@code patient-view} hook, from where the patient stands now: one per active flag (in
 * priority order), one per syndrome graded 1 or more on the last judged day, and while the patient is still
 * in monitoring without any of these, one {@code info} card saying so. {@code critical} for CRS or ICANS
 * grade 3 or more, PRES suspected, seizure and high-grade ICANS (which is ICANS 3 or more);
 * {@code warning} for every other finding. Every card says it is provisional, and cites its evidence.
 */
public final class PatientViewCards {

    static final String SOURCE_LABEL = "ToxGrade (ASTCT 2019 consensus grading, provisional)";
    private static final Set<String> CRITICAL_FLAGS = Set.of(NeurotoxicityFlag.PRES_SUSPECTED.code(),
            NeurotoxicityFlag.SEIZURE.code(), NeurotoxicityFlag.ICANS_HIGH_GRADE.code());
    private static final String PROVISIONAL = "**Provisional**: proposed by ToxGrade from the EHR's data; a clinician "
            + "confirms or refutes it in the EHR.";

    private PatientViewCards() {
    }

    /** @param chartUrl the SMART launch URL of the course chart */
    public static List<Card> of(PatientStatus status, String chartUrl) {
        if (status == null) {
            return List.of();
        }
        List<Card> cards = new ArrayList<>();
        String when = "day " + status.day() + " after CAR-T";
        for (PatientStatus.ActiveFlag flag : status.flags()) {
            String indicator = CRITICAL_FLAGS.contains(flag.code()) ? "critical" : "warning";
            cards.add(card(flag.display() + " (" + when + ", provisional)",
                    detail(status, "Active since " + flag.since() + ". " + flag.explanation()),
                    indicator, new Card.Topic(NeurotoxicityFlag.SYSTEM, flag.code(), flag.display()), chartUrl));
        }
        status.grades().forEach((syndrome, grade) -> grade(cards, status, name(syndrome), grade, chartUrl));
        if (cards.isEmpty() && status.inWindow()) {
            List<String> names = new ArrayList<>();
            List<String> words = new ArrayList<>();
            status.grades().forEach((syndrome, grade) -> {
                names.add(name(syndrome));
                words.add(name(syndrome) + ": " + words(grade) + ".");
            });
            cards.add(card("Monitoring after CAR-T, " + when + ": no " + String.join(" or ", names)
                    + " finding (provisional)", detail(status, String.join(" ", words)), "info", null, chartUrl));
        }
        return cards;
    }

    private static void grade(List<Card> cards, PatientStatus status, String syndrome, PatientStatus.Grade grade,
            String chartUrl) {
        if (!grade.atLeast(1)) {
            return;
        }
        cards.add(card(syndrome + " grade " + grade.grade() + " on day " + grade.day() + " after CAR-T (provisional)",
                detail(status, "Graded on day " + grade.day() + ": " + grade.explanation()),
                grade.atLeast(3) ? "critical" : "warning", null, chartUrl));
    }

    /** The syndrome as a clinician writes it: {@code crs} is CRS. */
    private static String name(String syndromeCode) {
        return syndromeCode.toUpperCase(Locale.ROOT);
    }

    private static String words(PatientStatus.Grade grade) {
        if (grade.grade() == null) {
            return "not assessed (" + grade.notAssessed() + ")";
        }
        return "grade " + grade.grade() + " on day " + grade.day()
                + (grade.notAssessed() == null ? "" : ", not assessed since (" + grade.notAssessed() + ")");
    }

    private static Card card(String summary, String detail, String indicator, Card.Topic topic, String chartUrl) {
        return new Card(UUID.randomUUID().toString(), shortened(summary), detail, indicator,
                new Card.Source(SOURCE_LABEL, null, topic),
                List.of(new Card.Link("Course chart", chartUrl, "smart", null)));
    }

    private static String detail(PatientStatus status, String evidence) {
        return PROVISIONAL + "\n\nCourse last judged on day " + status.day() + " after the CAR-T infusion of "
                + status.infusion()
                + ".\n\nEvidence: "
                + escape(evidence == null ? "not recorded" : evidence);
    }

    /** Under the spec's 140 characters whatever a display says. */
    static String shortened(String summary) {
        return summary.length() < Card.SUMMARY_LIMIT ? summary : summary.substring(0, Card.SUMMARY_LIMIT - 2) + "…";
    }

    /** Evidence is text, not markup: the characters markdown would act on are escaped. */
    static String escape(String text) {
        return text.replaceAll("([\\\\`*_\\[\\]{}()#+!|<>~-])", "\\\\$1");
    }
}
