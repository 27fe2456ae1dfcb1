package org.toxgrade.results;

import static org.toxgrade.fhir.ErrorCode.failure;
import static org.toxgrade.fhir.ErrorCode.refusal;

import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.toxgrade.fhir.ErrorCode;

/** The codes of {@code results}: refusals of the read API over derived Conditions, Flags and timelines. */
public enum ResultError implements ErrorCode {

    NO_SUCH_RESULT(refusal("TG-READ-004", 404, IssueType.NOTFOUND, "no such %s")),
    DATE_INVALID(refusal("TG-SEARCH-001", 400, IssueType.INVALID,
            "%s must be an optional prefix (eq, gt, ge, lt, le) and a date (yyyy, yyyy-MM, yyyy-MM-dd) or an instant with a time zone, e.g. ge2025-03-03T00:00:00Z")),
    UNKNOWN_PARAMETER(refusal("TG-SEARCH-002", 400, IssueType.NOTSUPPORTED,
            "unknown search parameter %s for %s: a search is never widened by ignoring a parameter, not even with Prefer: handling=lenient (the CapabilityStatement lists the parameters)")),
    MODIFIER_UNSUPPORTED(refusal("TG-SEARCH-003", 400, IssueType.NOTSUPPORTED,
            "search parameter modifiers are not supported: %s")),
    PARAMETER_REPEATED(refusal("TG-SEARCH-004", 400, IssueType.INVALID, "%s may be given only once")),
    VALUE_EMPTY(refusal("TG-SEARCH-005", 400, IssueType.INVALID, "search parameter %s has an empty value")),
    REFERENCE_NOT_PATIENT(refusal("TG-SEARCH-006", 400, IssueType.INVALID,
            "%s must be a reference to a Patient: Patient/id")),
    TOKEN_INVALID(refusal("TG-SEARCH-007", 400, IssueType.INVALID,
            "%s must be a token (system|code, code, |code or system|) of the parameter's code system")),
    DATE_PREFIX_UNSUPPORTED(refusal("TG-SEARCH-008", 400, IssueType.NOTSUPPORTED,
            "%s: the date prefixes ne, sa, eb and ap are not supported")),
    COUNT_INVALID(refusal("TG-SEARCH-009", 400, IssueType.INVALID,
            "_count must be a whole number, 0 or more (a page holds at most %d)")),
    SORT_UNSUPPORTED(refusal("TG-SEARCH-010", 400, IssueType.NOTSUPPORTED,
            "_sort must be _lastUpdated or -_lastUpdated")),
    SUMMARY_UNSUPPORTED(refusal("TG-SEARCH-011", 400, IssueType.NOTSUPPORTED,
            "_summary must be count, true, data or false")),
    TOTAL_INVALID(refusal("TG-SEARCH-012", 400, IssueType.INVALID, "_total must be none, estimate or accurate")),
    ELEMENT_UNKNOWN(refusal("TG-SEARCH-013", 400, IssueType.INVALID, "_elements: %s is not an element of %s")),
    PAGE_INVALID(refusal("TG-SEARCH-014", 400, IssueType.INVALID,
            "_page is not a page cursor of this server: follow the next and previous links as they are")),
    PRETTY_INVALID(refusal("TG-SEARCH-015", 400, IssueType.INVALID, "_pretty must be true or false")),
    NO_EPISODE(refusal("TG-TIMELINE-001", 404, IssueType.NOTFOUND,
            "no episode is known for this patient (no infusion received yet?)")),
    TIMELINE_UNREADABLE(failure("TG-TIMELINE-002", "stored timeline unreadable")),
    FLAG_UNREADABLE(failure("TG-TIMELINE-003", "stored Flag unreadable (worklist, CDS cards)"));

    private final Spec spec;

    ResultError(Spec spec) {
        this.spec = spec;
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
