package org.toxgrade.ehr;

import static org.toxgrade.fhir.ErrorCode.failure;

import org.toxgrade.fhir.ErrorCode;

/** The codes of calling the EHR: its client's settings, transport and circuit, and SMART Backend Services. */
public enum EhrError implements ErrorCode {

    NO_BASE_URL(failure("TG-EHR-001", "write-back is off (toxgrade.ehr.base-url)")),
    BREAKER_THRESHOLD_TOO_LOW(failure("TG-EHR-002", "the circuit breaker threshold must be at least 1")),
    BEARER_TOKEN_MISSING(failure("TG-EHR-003", "toxgrade.ehr.auth.mode=bearer needs toxgrade.ehr.auth.bearer-token")),
    SMART_SETTING_MISSING(
            failure("TG-EHR-004", "toxgrade.ehr.auth.mode=smart-backend needs toxgrade.ehr.auth.smart.%s")),
    NO_ANSWER(failure("TG-EHR-010", "no answer from %s (%s)")),
    CIRCUIT_OPEN(failure("TG-EHR-011", "circuit open, the EHR is not called until its delay has passed")),
    URL_OUTSIDE_EHR(
            failure("TG-EHR-012", "a URL outside the EHR's origin is not requested with the EHR's credentials")),
    UNSUPPORTED_ALGORITHM(
            failure("TG-EHR-030", "SMART Backend Services signs client assertions RS384 or ES384, not %s")),
    KEY_FILE_UNREADABLE(failure("TG-EHR-031", "cannot read the client assertion key file")),
    KEY_NOT_PKCS8_PEM(failure("TG-EHR-032",
            "the client assertion key is not PKCS#8 PEM (expected -----BEGIN PRIVATE KEY-----; "
                    + "convert with openssl pkcs8 -topk8 -nocrypt)")),
    KEY_INVALID(failure("TG-EHR-033", "the client assertion key is not a valid %s PKCS#8 key for %s")),
    ASSERTION_LIFETIME_OUT_OF_RANGE(failure("TG-EHR-034", "a client assertion lives between 0 and 5 minutes")),
    ASSERTION_NOT_SIGNED(failure("TG-EHR-035", "cannot sign the client assertion with %s")),
    TOKEN_REFUSED(failure("TG-EHR-036", "the token endpoint answered %d")),
    TOKEN_ANSWER_UNUSABLE(failure("TG-EHR-037", "the token answer %s"));

    private final Spec spec;

    EhrError(Spec spec) {
        this.spec = spec;
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
