package org.toxgrade.publish;

import static org.toxgrade.fhir.ErrorCode.failure;
import static org.toxgrade.fhir.ErrorCode.refusal;

import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.toxgrade.fhir.ErrorCode;
import org.toxgrade.fhir.validation.ProfilePackage;

/** The codes of writing results back to the EHR: the outbox, its dispatcher, delivery and operator endpoints. */
public enum OutboxError implements ErrorCode {

    UNKNOWN_STATE(failure("TG-OUTBOX-001", "unknown outbox state %s")),
    RESOURCE_NOT_JSON(failure("TG-OUTBOX-002", "the resource is not JSON")),
    HASH_FAILED(failure("TG-OUTBOX-003", "cannot hash resource content")),
    EHR_ANSWER_NOT_JSON(failure("TG-OUTBOX-004", "the EHR's answer is not JSON")),
    NO_PATIENT(failure("TG-OUTBOX-010", "the change names no patient (subject.reference)")),
    TYPE_NOT_WRITTEN_BACK(failure("TG-OUTBOX-011", "only Condition and Flag are written back, not %s")),
    NO_BUSINESS_IDENTIFIER(failure("TG-OUTBOX-012",
            "the resource carries no business identifier of system "
                    + ProfilePackage.DERIVED_RESULT_IDENTIFIER_SYSTEM)),
    INVALID(failure("TG-OUTBOX-020", "%d validation error(s): %s")),
    NOT_PREPARED(failure("TG-OUTBOX-021", "the stored resource or Provenance is not a JSON object")),
    KEPT_BY_CLINICIAN(failure("TG-OUTBOX-030", "not written, the EHR's resource carries a clinician's decision (%s)")),
    RETRY_SETTINGS_INVALID(failure("TG-OUTBOX-040",
            "retry needs max-attempts >= 1, 0 <= jitter <= 1, 0 <= base <= max")),
    RUN_FAILED(failure("TG-OUTBOX-050", "dispatcher run failed (%s)")),
    NO_DEAD_ROW(refusal("TG-OUTBOX-060", 404, IssueType.NOTFOUND, "no dead outbox row %d")),
    UNKNOWN_STATE_PARAMETER(refusal("TG-OUTBOX-061", 400, IssueType.INVALID,
            "state must be one of pending, sending, sent, superseded, superseded-by-clinician, invalid, dead")),
    NO_ROW(refusal("TG-OUTBOX-062", 404, IssueType.NOTFOUND, "no outbox row %d")),
    WRITE_BACK_OFF(failure("TG-EHR-005",
            "write-back to the EHR is OFF (toxgrade.ehr.base-url is not set): outbox rows stay "
                    + "pending and are delivered once an EHR is configured; the service's own read API serves everything")),
    SEARCH_REFUSED(failure("TG-EHR-020", "the search by identifier answered %d (issue codes: %s)")),
    READ_REFUSED(failure("TG-EHR-024", "the read of the resource last written answered %d (issue codes: %s)")),
    IDENTIFIER_NOT_UNIQUE(failure("TG-EHR-021",
            "%d resources on the EHR carry this business identifier; merge them, then re-drive")),
    NO_LOCATION(failure("TG-EHR-022", "the transaction-response does not say where the resource is")),
    TRANSACTION_REFUSED(failure("TG-EHR-023", "the transaction answered %d (issue codes: %s)"));

    private final Spec spec;

    OutboxError(Spec spec) {
        this.spec = spec;
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
