package org.toxgrade.publish.build;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Reference;
import org.toxgrade.episode.EpisodeDerivation;
import org.toxgrade.facts.FactIds;
import org.toxgrade.grading.icaht.IcahtGrade;
import org.toxgrade.grading.icaht.IcahtPhase;
import org.toxgrade.grading.icaht.NeutropenicPeriod;

/**
 * The early or the late ICAHT Condition of an episode (CLINICAL-SPEC section 9; profile toxgrade-icaht-condition):
 * the service's code, the phase's EHA/EBMT grade in {@code stage}, onset at the first count that graded,
 * abatement once the neutropenia recovered, always {@code provisional}, and as evidence the phase's neutrophil
 * counts and the G-CSF given (which does not change the grade). None when the phase graded 0 or was not assessed.
 */
public final class IcahtConditionBuilder {

    /** The id of the episode's ICAHT Condition of {@code phase}: {@code <episode key>-icaht-early}. */
    static String conditionId(String episodeKey, IcahtPhase phase) {
        return episodeKey + "-" + phase.code();
    }

    public Optional<DerivedResource> build(String patient, EpisodeDerivation episode, IcahtPhase phase,
            Instant recordedDate) {
        IcahtGrade graded = episode.icaht().of(phase);
        if (!graded.positive()) {
            return Optional.empty();
        }
        int grade = graded.grade().getAsInt();
        String id = conditionId(episode.window().key(), phase);
        Condition condition = new Condition();
        condition.setId(id);
        condition.getMeta().addProfile(Codes.ICAHT_PROFILE);
        condition.addIdentifier().setSystem(Codes.DERIVED_RESULT).setValue(id);
        condition.setClinicalStatus(concept(Codes.CONDITION_CLINICAL, graded.resolved() ? "resolved" : "active"));
        condition.setVerificationStatus(concept(Codes.CONDITION_VER_STATUS, "provisional"));
        condition.addCategory(concept(Codes.CONDITION_CATEGORY, "encounter-diagnosis"));
        condition.setCode(new CodeableConcept(new Coding(Codes.TOXGRADE_CONDITION, phase.code(), display(phase))));
        condition.setSubject(new Reference(patient));
        condition.setOnset(new DateTimeType(Date.from(graded.onset().orElseThrow())));
        graded.abatement().ifPresent(at -> condition.setAbatement(new DateTimeType(Date.from(at))));
        condition.setRecordedDate(Date.from(recordedDate));
        condition.addStage()
                .setSummary(new CodeableConcept(new Coding(Codes.ICAHT_GRADE, "grade-" + grade, "Grade " + grade)))
                .setType(new CodeableConcept(new Coding(Codes.ICAHT_GRADE, "eha-ebmt-2023-" + phaseWord(phase),
                        "EHA/EBMT 2023 " + phaseWord(phase) + " ICAHT grading")));
        Set<String> sources = new LinkedHashSet<>();
        graded.ancIds().forEach(f -> sources.add(FactIds.sourceOf(f)));
        graded.gcsfIds().forEach(f -> sources.add(FactIds.sourceOf(f)));
        sources.forEach(s -> condition.addEvidence().addDetail(new Reference(s)));
        condition.addNote().setText(explanation(phase, graded)
                + "\nProvisional: the consensus grades neutropenia not attributable to another cause; a clinician"
                + " decides.");
        Narratives.write(condition);
        String statusCode = condition.getClinicalStatus().getCodingFirstRep().getCode();
        return Optional.of(new DerivedResource("Condition", id, patient, episode.window().key(), statusCode, condition,
                List.copyOf(sources)));
    }

    /** "Early ICAHT grade 3 [EHA-EBMT-ICAHT-EARLY-3]: neutropenic period days 3-13 ...". */
    static String explanation(IcahtPhase phase, IcahtGrade graded) {
        StringBuilder text = new StringBuilder().append(capitalised(phaseWord(phase))).append(" ICAHT grade ")
                .append(graded.grade().getAsInt()).append(" [").append(String.join(", ", graded.ruleIds()))
                .append("]: ");
        List<String> parts = new ArrayList<>();
        switch (phase) {
            case EARLY -> {
                for (NeutropenicPeriod p : graded.periods()) {
                    parts.add("neutropenic period days " + p.firstDay() + "-" + p.lastDay() + " (" + p.days() + " days)"
                            + (p.recovered() ? ", recovered from day " + p.recoveryDay().getAsInt() : ", open"));
                }
                parts.add(graded.neutropenicDays() + " neutropenic days graded, " + graded.severeDays()
                        + " of them severely neutropenic");
                if (graded.neverRecovered()) {
                    parts.add("no recovery by day 30");
                }
            }
            case LATE -> graded.lowest().ifPresent(l -> parts.add("lowest ANC " + l.gigaPerLitre() + " x 10*9/L at "
                    + l.time() + (graded.confirmed() ? ", confirmed by a second count" : "")));
        }
        text.append(String.join("; ", parts));
        graded.lowest().filter(l -> phase == IcahtPhase.EARLY)
                .ifPresent(l -> text.append("; lowest ANC ").append(l.gigaPerLitre()).append(" x 10*9/L at ")
                        .append(l.time()));
        if (!graded.notes().isEmpty()) {
            text.append(". Notes: ").append(String.join("; ", graded.notes()));
        }
        return text.toString();
    }

    private static String display(IcahtPhase phase) {
        return capitalised(phaseWord(phase)) + " immune effector cell-associated hematotoxicity";
    }

    private static String phaseWord(IcahtPhase phase) {
        return switch (phase) {
            case EARLY -> "early";
            case LATE -> "late";
        };
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static CodeableConcept concept(String system, String code) {
        return new CodeableConcept(new Coding(system, code, null));
    }
}
