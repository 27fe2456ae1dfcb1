package org.toxgrade.results;

import static org.toxgrade.fhir.ErrorCode.failure;
import static org.toxgrade.fhir.ErrorCode.refusal;

import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.toxgrade.fhir.ErrorCode;

/** The codes of {@code results}: refusals of the read API over derived Conditions, Flags and timelines. */
public enum ResultError implements ErrorCode {

    NO_SUCH_RESULT(refusal("TG-READ-004", 404, IssueType.NOTFOUND, "no such %s")),
    LAST_UPDATED_INVALID(refusal("TG-SEARCH-001", 400, IssueType.INVALID,
            "_lastUpdated must be a prefix (gt, ge, lt, le, eq) and an instant with a time zone, e.g. ge2025-03-03T00:00:00Z")),
    NO_EPISODE(refusal("TG-TIMELINE-001", 404, IssueType.NOTFOUND,
            "no episode is known for this patient (no infusion received yet?)")),
    TIMELINE_UNREADABLE(failure("TG-TIMELINE-002", "stored timeline unreadable"));

    private final Spec spec;

    ResultError(Spec spec) {
        this.spec = spec;
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
