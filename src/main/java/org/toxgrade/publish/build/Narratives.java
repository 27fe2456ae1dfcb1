package org.toxgrade.publish.build;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Narrative.NarrativeStatus;
import org.hl7.fhir.r4.model.Reference;

/**
 * The human-readable {@code text} of every Condition and Flag the service writes, generated from the
 * resource's own elements (so it can never say something the coded content does not): what it is, the
 * grade or flag, since when, the facts that made it and that it is provisional. An EHR viewer that shows
 * only the narrative still shows the clinician everything that matters.
 */
public final class Narratives {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final String PROVISIONAL = "Provisional: proposed by ToxGrade from the records below; a "
            + "clinician confirms or refutes it.";

    /** How a grading scale is named beside its grade, by the Condition's {@code stage.type} code. */
    private record Scale(String name, String which) {
    }

    private static final Map<String, Scale> SCALES = Map.of(
            "astct-2019", new Scale("ASTCT", " (the highest of the episode)"),
            "eha-ebmt-2023-early", new Scale("EHA/EBMT early ICAHT", " (days 0-30)"),
            "eha-ebmt-2023-late", new Scale("EHA/EBMT late ICAHT", " (after day 30)"));

    private Narratives() {
    }

    /** Sets the Condition's generated narrative. */
    public static void write(Condition condition) {
        StringBuilder div = open();
        String syndrome = condition.getCode().getCodingFirstRep().getDisplay();
        String grade = condition.getStageFirstRep().getSummary().getCodingFirstRep().getDisplay();
        Coding type = condition.getStageFirstRep().getType().getCodingFirstRep();
        Scale scale = SCALES.getOrDefault(type.getCode(), new Scale(type.getDisplay(), ""));
        String verification = condition.getVerificationStatus().getCodingFirstRep().getCode();
        paragraph(div, "entered-in-error".equals(verification)
                ? "Withdrawn (entered in error): " + syndrome + ", " + scale.name() + " " + lower(grade)
                : "Provisional: " + syndrome + ", " + scale.name() + " " + lower(grade) + scale.which());
        String course = "Onset " + when(condition.getOnsetDateTimeType().getValue()) + "; clinical status "
                + condition.getClinicalStatus().getCodingFirstRep().getCode();
        if (condition.hasAbatementDateTimeType()) {
            course += "; resolved " + when(condition.getAbatementDateTimeType().getValue());
        }
        paragraph(div, course + ".");
        for (Annotation note : condition.getNote()) {
            for (String line : note.getText().split("\n")) {
                paragraph(div, line);
            }
        }
        records(div, condition.getEvidence().stream().flatMap(e -> e.getDetail().stream()).toList());
        condition.getText().setStatus(NarrativeStatus.GENERATED).setDivAsString(close(div));
    }

    /** Sets the Flag's generated narrative. */
    public static void write(Flag flag) {
        StringBuilder div = open();
        String what = flag.getCode().getCodingFirstRep().getDisplay();
        Extension priority = flag.getExtensionByUrl(Codes.FLAG_PRIORITY_EXTENSION);
        String priorityCode = priority == null
                ? null
                : ((CodeableConcept) priority.getValue()).getCodingFirstRep().getCode();
        paragraph(div, "Provisional: " + what + (priorityCode == null ? "" : " (priority " + priorityCode + ")")
                + ", " + flag.getStatus().toCode() + ".");
        String period = "Since " + when(flag.getPeriod().getStart());
        if (flag.getPeriod().hasEnd()) {
            period += " until " + when(flag.getPeriod().getEnd());
        }
        paragraph(div, period + ".");
        if (flag.getCode().hasText()) {
            paragraph(div, flag.getCode().getText());
        }
        records(div, flag.getExtensionsByUrl(Codes.FLAG_DETAIL_EXTENSION).stream()
                .map(e -> (Reference) e.getValue()).toList());
        flag.getText().setStatus(NarrativeStatus.GENERATED).setDivAsString(close(div));
    }

    private static StringBuilder open() {
        return new StringBuilder("<div xmlns=\"http://www.w3.org/1999/xhtml\">");
    }

    private static String close(StringBuilder div) {
        paragraph(div, PROVISIONAL);
        return div.append("</div>").toString();
    }

    private static void records(StringBuilder div, List<Reference> records) {
        if (records.isEmpty()) {
            return;
        }
        div.append("<p>Records:</p><ul>");
        for (Reference record : records) {
            div.append("<li>").append(escape(record.getReference())).append("</li>");
        }
        div.append("</ul>");
    }

    private static void paragraph(StringBuilder div, String text) {
        div.append("<p>").append(escape(text)).append("</p>");
    }

    private static String lower(String grade) {
        return grade == null ? "grade not given" : grade.substring(0, 1).toLowerCase() + grade.substring(1);
    }

    private static String when(Date at) {
        return at == null ? "not known" : WHEN.format(at.toInstant());
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
