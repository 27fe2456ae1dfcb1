package org.toxgrade.publish.build;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
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
import org.toxgrade.grading.CourseStatus;
import org.toxgrade.grading.DayGrade;
import org.toxgrade.grading.InstantGrade;
import org.toxgrade.grading.Spell;
import org.toxgrade.grading.Syndrome;
import org.toxgrade.grading.SyndromeGrading;

/**
 * A syndrome's Condition of an episode (docs/clinical-rules.md section 4): code by ICD-10-CM and the
 * service's code (both from {@link SyndromeCodings}), the episode's peak ASTCT grade in {@code stage} (what registries report), onset
 * of the first spell, abatement when resolved, {@code recurrence} after a resolved spell, always
 * {@code provisional} (a clinician confirms or refutes in the EHR), and evidence: the records behind
 * every spell's onset and peak and every positive day's worst instant, with a note saying which
 * domains and consensus rules decided.
 */
public final class ConditionBuilder {

    private final ZoneId zone;

    public ConditionBuilder(ZoneId zone) {
        this.zone = zone;
    }

    /** Empty when the syndrome never reached grade 1 in the episode. */
    public Optional<DerivedResource> build(String patient, EpisodeDerivation episode, Syndrome syndrome,
            Instant recordedDate) {
        SyndromeGrading graded = episode.grading().of(syndrome);
        CourseStatus status = graded.course().status();
        if (status == CourseStatus.NONE) {
            return Optional.empty();
        }
        SyndromeCodings.SyndromeCoding coding = SyndromeCodings.of(syndrome);
        String id = SyndromeCodings.conditionId(episode.window().key(), syndrome);
        // A status other than NONE means some instant graded >= 1, so the peak was assessed.
        int peak = graded.episode().grade().orElseThrow();
        List<Spell> spells = graded.course().spells();

        Condition condition = new Condition();
        condition.setId(id);
        condition.getMeta().addProfile(coding.profile());
        condition.addIdentifier().setSystem(Codes.DERIVED_RESULT).setValue(id);
        condition.setClinicalStatus(concept(Codes.CONDITION_CLINICAL, switch (status) {
            case ACTIVE -> "active";
            case RECURRENCE -> "recurrence";
            default -> "resolved";
        }));
        condition.setVerificationStatus(concept(Codes.CONDITION_VER_STATUS, "provisional"));
        condition.addCategory(concept(Codes.CONDITION_CATEGORY, "encounter-diagnosis"));
        CodeableConcept code = new CodeableConcept();
        code.addCoding(new Coding(Codes.TOXGRADE_CONDITION, coding.code(), coding.display()));
        code.addCoding(new Coding(Codes.ICD10CM, coding.icd10cm(peak), null));
        condition.setCode(code);
        condition.setSubject(new Reference(patient));
        condition.setOnset(new DateTimeType(Date.from(spells.get(0).onset())));
        if (status == CourseStatus.RESOLVED) {
            spells.get(spells.size() - 1).abatement()
                    .ifPresent(at -> condition.setAbatement(new DateTimeType(Date.from(at))));
        }
        condition.setRecordedDate(Date.from(recordedDate));
        condition.addStage()
                .setSummary(new CodeableConcept(new Coding(Codes.ASTCT_GRADE, "grade-" + peak, "Grade " + peak)))
                .setType(new CodeableConcept(new Coding(Codes.ASTCT_GRADE, "astct-2019",
                        "ASTCT 2019 consensus grading")));

        Set<String> sources = new LinkedHashSet<>();
        List<String> explanation = new ArrayList<>();
        for (Spell spell : spells) {
            InstantGrade onset = graded.at(spell.onset()).orElseThrow();
            InstantGrade peakAt = graded.at(spell.peakAt()).orElseThrow();
            onset.evidence().factIds().forEach(f -> sources.add(FactIds.sourceOf(f)));
            peakAt.evidence().factIds().forEach(f -> sources.add(FactIds.sourceOf(f)));
            explanation.add(Explanations.spell(syndrome, spell, onset, peakAt, day(episode, spell.peakAt())));
        }
        // Every day's worst instant too, so each day grade of the course can be traced to its records.
        for (DayGrade day : graded.days()) {
            if (day.atLeast(1)) {
                day.setAt().flatMap(graded::at).ifPresent(g -> g.evidence().factIds()
                        .forEach(f -> sources.add(FactIds.sourceOf(f))));
            }
        }
        // The grading judges a closed episode as of its window's (exclusive) end: its last day is the one before.
        int lastDay = day(episode, episode.window().end().minusNanos(1));
        String notAssessed = Explanations.notAssessed(syndrome,
                graded.days().stream().filter(d -> d.day() <= lastDay).toList());
        if (!notAssessed.isEmpty()) {
            explanation.add(notAssessed);
        }
        sources.forEach(s -> condition.addEvidence().addDetail(new Reference(s)));
        condition.addNote().setText(String.join("\n", explanation)
                + "\nProvisional: ASTCT grades findings not attributable to another cause; a clinician decides.");
        Narratives.write(condition);
        String statusCode = condition.getClinicalStatus().getCodingFirstRep().getCode();
        return Optional.of(new DerivedResource("Condition", id, patient, episode.window().key(), statusCode, condition,
                List.copyOf(sources)));
    }

    private int day(EpisodeDerivation episode, Instant at) {
        LocalDate infusionDay = episode.window().infusion().atZone(zone).toLocalDate();
        return (int) ChronoUnit.DAYS.between(infusionDay, at.atZone(zone).toLocalDate());
    }

    private static CodeableConcept concept(String system, String code) {
        return new CodeableConcept(new Coding(system, code, null));
    }
}
