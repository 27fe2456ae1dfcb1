package org.toxgrade.ingest;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.toxgrade.facts.FactExtraction;
import org.toxgrade.facts.UnknownCode;
import org.toxgrade.fhir.OperationOutcomes;

/**
 * The warning a sender gets for codes the service does not know (docs/clinical-rules.md section 8: "A code
 * that the service does not know is stored and counted, and the answer to the sender carries an
 * OperationOutcome warning naming its code system"). One issue per code system, with code
 * {@link IngestError#UNKNOWN_CODES} and the elements that held such codes as its expressions. The
 * codes themselves are not repeated: a coded value (e.g. {@code Observation.valueCodeableConcept})
 * can be the patient's finding, and the sender knows which codes it sent at those elements.
 *
 * <p>Not thread-safe; one per answer.
 */
public final class UnknownCodeWarnings {

    /** Code system to the elements (FHIRPath) that held its unknown codes, systems in order, elements as seen. */
    private final Map<String, Set<String>> elementsBySystem = new TreeMap<>();

    /** The warnings for one stored resource; elements as the resource names them (e.g. {@code Observation.code}). */
    public static UnknownCodeWarnings of(FactExtraction facts) {
        return new UnknownCodeWarnings().add(facts.unknownCodes(), UnaryOperator.identity());
    }

    /** Adds unknown codes, their elements placed by {@code locate} (e.g. inside a Bundle entry). */
    public UnknownCodeWarnings add(List<UnknownCode> codes, UnaryOperator<String> locate) {
        for (UnknownCode code : codes) {
            elementsBySystem.computeIfAbsent(code.system(), s -> new LinkedHashSet<>())
                    .add(locate.apply(code.fhirPath()));
        }
        return this;
    }

    public boolean isEmpty() {
        return elementsBySystem.isEmpty();
    }

    /** Appends one warning issue per code system to {@code outcome} and returns it. */
    public OperationOutcome addTo(OperationOutcome outcome) {
        elementsBySystem.forEach((system, elements) -> {
            OperationOutcome.OperationOutcomeIssueComponent issue = OperationOutcomes.issue(outcome,
                    IssueSeverity.WARNING, IngestError.UNKNOWN_CODES, IngestError.UNKNOWN_CODES.message(system));
            elements.forEach(issue::addExpression);
        });
        return outcome;
    }

    /** An OperationOutcome with the warnings, or nothing when every code was known. */
    public Optional<OperationOutcome> outcome() {
        return isEmpty() ? Optional.empty() : Optional.of(addTo(new OperationOutcome()));
    }
}
