package org.toxgrade.cdshooks;

import static org.toxgrade.fhir.ErrorCode.refusal;

import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.toxgrade.fhir.ErrorCode;

/** The codes of the CDS Hooks services: requests that are not CDS Hooks 2.0 calls, and clients not trusted. */
public enum CdsHooksError implements ErrorCode {

    REQUEST_NOT_JSON(refusal("TG-CDS-001", 400, IssueType.STRUCTURE, "the hook request is not a JSON object")),
    WRONG_HOOK(refusal("TG-CDS-002", 400, IssueType.NOTSUPPORTED, "this service answers the hook '%s' only")),
    NO_HOOK_INSTANCE(refusal("TG-CDS-003", 400, IssueType.REQUIRED,
            "the hook request has no hookInstance (a UUID)")),
    NO_PATIENT(refusal("TG-CDS-004", 400, IssueType.REQUIRED,
            "the hook request has no context.patientId that is a FHIR id")),
    PREFETCH_MISMATCH(refusal("TG-CDS-006", 400, IssueType.INVALID,
            "the prefetched Patient is not the patient of context.patientId")),
    UNKNOWN_SERVICE(refusal("TG-CDS-005", 404, IssueType.NOTFOUND, "no CDS service with this id")),
    JWT_REQUIRED(refusal("TG-CDS-010", 401, IssueType.LOGIN,
            "a CDS client JWT is required (Authorization: Bearer ..., CDS Hooks 2.0 \"Trusting CDS Clients\")")),
    ISSUER_NOT_TRUSTED(refusal("TG-CDS-011", 401, IssueType.LOGIN,
            "the JWT's issuer is not a configured CDS client (toxgrade.cds-hooks.clients)")),
    JWT_INVALID(refusal("TG-CDS-012", 401, IssueType.LOGIN,
            "the CDS client JWT is not valid (signature, algorithm, audience, expiry, lifetime, jti or sub)")),
    JWT_REPLAYED(refusal("TG-CDS-013", 401, IssueType.LOGIN, "the CDS client JWT was used before (jti)"));

    private final Spec spec;

    CdsHooksError(Spec spec) {
        this.spec = spec;
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
