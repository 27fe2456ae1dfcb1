package org.toxgrade.ingest.rest;

import java.util.List;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.toxgrade.fhir.OperationOutcomes;
import org.toxgrade.ingest.IngestError;

/**
 * One warning per element R4 does not define (TG-INGEST-071), its path in {@code issue.expression}: the
 * element was stored in the raw copy but is read by nothing, so a typo such as {@code valueQuanity} is
 * never lost without a word.
 */
final class UnknownElementWarnings {

    private UnknownElementWarnings() {
    }

    static OperationOutcome addTo(OperationOutcome outcome, List<String> elements) {
        for (String element : elements) {
            OperationOutcomes.issue(outcome, OperationOutcome.IssueSeverity.WARNING, IngestError.UNKNOWN_ELEMENT,
                    IngestError.UNKNOWN_ELEMENT.message(element)).addExpression(element);
        }
        return outcome;
    }
}
