package org.toxgrade.ingest;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.toxgrade.episode.EpisodeDerivation;
import org.toxgrade.episode.PatientDerivation;
import org.toxgrade.facts.FactExtraction;
import org.toxgrade.facts.FactIds;
import org.toxgrade.fhir.OperationOutcomes;
import org.toxgrade.grading.InstantGrade;
import org.toxgrade.grading.Note;
import org.toxgrade.grading.NoteCode;
import org.toxgrade.grading.Syndrome;

/**
 * The warnings of one {@code $grade} answer, in its one OperationOutcome entry:
 * <ul>
 *   <li>codes the service does not know ({@link IngestError#UNKNOWN_CODES}, docs/clinical-rules.md section 8),
 *       one issue per code system, as {@link UnknownCodeWarnings} writes them;</li>
 *   <li>ICE scores sent for a child below the CAPD age cut-off ({@link IngestError#ICE_BELOW_CAPD_AGE},
 *       docs/clinical-rules.md section 3), one issue per ICE, in the order of the request entries. They are
 *       read from the grading's evidence (the note {@link NoteCode#ICE_NOT_USED_BELOW_CAPD_AGE}), so
 *       the warning names exactly the ICE scores the grading left out for the patient's age; an ICE
 *       that is not graded at all (baseline, after {@code asOf}) is not warned about.</li>
 * </ul>
 * Each issue names its request entry ({@code Bundle.entry[i].resource...}), never a value or id of
 * the resource. Not thread-safe; one per answer.
 */
final class GradeWarnings {

    private final UnknownCodeWarnings unknownCodes = new UnknownCodeWarnings();
    /** Source reference ({@code Observation/x}) to its request entry. */
    private final Map<String, Integer> entries = new HashMap<>();
    /** Request entry of each ICE not used for the patient's age, in entry order. */
    private final Map<Integer, String> iceBelowCapdAge = new TreeMap<>();
    private final String capdAges;

    /** @param capdAges the ages assessed with CAPD as the grading says them, e.g. "below age 12" */
    GradeWarnings(String capdAges) {
        this.capdAges = capdAges;
    }

    /** What request entry {@code index} yielded: its unknown codes, and where its facts came from. */
    void entry(int index, FactExtraction extraction) {
        entries.put(extraction.source(), index);
        unknownCodes.add(extraction.unknownCodes(), path -> RequestPreparer.inEntry(index, path));
    }

    /** What the grading of one patient left out for the patient's age. */
    void derived(PatientDerivation derivation) {
        for (EpisodeDerivation episode : derivation.episodes()) {
            // ICE below the CAPD age is an ICANS note: only ICANS grades read the ICE.
            for (InstantGrade g : episode.grading().of(Syndrome.ICANS).instants()) {
                for (Note note : g.evidence().notes()) {
                    if (note.code() == NoteCode.ICE_NOT_USED_BELOW_CAPD_AGE) {
                        note.factIds().forEach(this::iceBelowCapdAge);
                    }
                }
            }
        }
    }

    private void iceBelowCapdAge(String factId) {
        Integer entry = entries.get(FactIds.sourceOf(factId));
        if (entry != null) {
            iceBelowCapdAge.put(entry, RequestPreparer.inEntry(entry, null));
        }
    }

    /** One OperationOutcome with every warning, unknown codes first; nothing when there is none. */
    Optional<OperationOutcome> outcome() {
        OperationOutcome outcome = unknownCodes.addTo(new OperationOutcome());
        for (String element : iceBelowCapdAge.values()) {
            OperationOutcomes.issue(outcome, IssueSeverity.WARNING, IngestError.ICE_BELOW_CAPD_AGE,
                    IngestError.ICE_BELOW_CAPD_AGE.message(capdAges)).addExpression(element);
        }
        return outcome.hasIssue() ? Optional.of(outcome) : Optional.empty();
    }
}
