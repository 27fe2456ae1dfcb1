package org.toxgrade.audit;

import static org.toxgrade.fhir.ErrorCode.refusal;

import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.toxgrade.fhir.ErrorCode;

/** The codes of {@code audit}: refusals of the audit trail search. */
public enum AuditError implements ErrorCode {

    SINCE_INVALID(refusal("TG-AUDIT-001", 400, IssueType.INVALID,
            "_since must be an instant with a time zone, e.g. 2025-03-03T00:00:00Z")),
    UNKNOWN_PARAMETER(refusal("TG-AUDIT-002", 400, IssueType.NOTSUPPORTED,
            "unknown parameter %s of the audit search (it takes _since, agent and _count)")),
    COUNT_INVALID(refusal("TG-AUDIT-003", 400, IssueType.INVALID, "_count must be a whole number from 1"));

    private final Spec spec;

    AuditError(Spec spec) {
        this.spec = spec;
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
