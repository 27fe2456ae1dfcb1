package org.toxgrade.ehr;

import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.toxgrade.fhir.ErrorCode;

/** The codes of calling the EHR: its client's settings, transport and circuit, and SMART Backend Services. */
public enum EhrError implements ErrorCode {

    NO_BASE_URL("TG-EHR-001", "write-back is off (toxgrade.ehr.base-url)"),
    BREAKER_THRESHOLD_TOO_LOW("TG-EHR-002", "the circuit breaker threshold must be at least 1"),
    BEARER_TOKEN_MISSING("TG-EHR-003", "toxgrade.ehr.auth.mode=bearer needs toxgrade.ehr.auth.bearer-token"),
    SMART_SETTING_MISSING("TG-EHR-004", "toxgrade.ehr.auth.mode=smart-backend needs toxgrade.ehr.auth.smart.%s"),
    NO_ANSWER("TG-EHR-010", "no answer from %s (%s)"),
    CIRCUIT_OPEN("TG-EHR-011", "circuit open, the EHR is not called until its delay has passed"),
    URL_OUTSIDE_EHR("TG-EHR-012", "a URL outside the EHR's origin is not requested with the EHR's credentials"),
    UNSUPPORTED_ALGORITHM("TG-EHR-030", "SMART Backend Services signs client assertions RS384 or ES384, not %s"),
    KEY_FILE_UNREADABLE("TG-EHR-031", "cannot read the client assertion key file"),
    KEY_NOT_PKCS8_PEM("TG-EHR-032", "the client assertion key is not PKCS#8 PEM (expected -----BEGIN PRIVATE KEY-----; "
            + "convert with openssl pkcs8 -topk8 -nocrypt)"),
    KEY_INVALID("TG-EHR-033", "the client assertion key is not a valid %s PKCS#8 key for %s"),
    ASSERTION_LIFETIME_OUT_OF_RANGE("TG-EHR-034", "a client assertion lives between 0 and 5 minutes"),
    ASSERTION_NOT_SIGNED("TG-EHR-035", "cannot sign the client assertion with %s"),
    TOKEN_REFUSED("TG-EHR-036", "the token endpoint answered %d"),
    TOKEN_ANSWER_UNUSABLE("TG-EHR-037", "the token answer %s");

    private final String code;
    private final int status;
    private final IssueType issueType;
    private final String template;

    /** A code that is logged or raised, never answered. */
    EhrError(String code, String template) {
        this(code, 0, null, template);
    }

    EhrError(String code, int status, IssueType issueType, String template) {
        this.code = code;
        this.status = status;
        this.issueType = issueType;
        this.template = template;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public IssueType issueType() {
        return issueType;
    }

    @Override
    public String template() {
        return template;
    }
}
