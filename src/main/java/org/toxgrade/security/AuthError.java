package org.toxgrade.security;

import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.toxgrade.fhir.ErrorCode;

/** The codes of authentication and authorization: token verification and scopes, and the local signing keys. */
public enum AuthError implements ErrorCode {

    NO_VERIFICATION_KEY("TG-AUTH-001", "no token verification key: set MP_JWT_VERIFY_PUBLICKEY_LOCATION (JWKS file or "
            + "URL), MP_JWT_VERIFY_ISSUER and MP_JWT_VERIFY_AUDIENCES, or allow local keys "
            + "(toxgrade.auth.local-keys=true)"),
    AUTHENTICATION_OFF("TG-AUTH-002", "AUTHENTICATION IS OFF (toxgrade.auth.enabled=false): every caller may read and "
            + "write patient data. Use only on an isolated test bench."),
    LOCAL_KEY_NOT_GENERATED("TG-AUTH-010", "could not generate the local signing key"),
    LOCAL_KEY_UNREADABLE("TG-AUTH-011", "%s is not a PKCS#8 RSA or EC private key"),
    TOKEN_NOT_SIGNED("TG-AUTH-012", "could not sign the token"),
    TOKEN_REQUIRED("TG-AUTH-020", 401, IssueType.LOGIN, "a bearer token is required (Authorization: Bearer ...)"),
    TOKEN_INVALID("TG-AUTH-021", 401, IssueType.LOGIN,
            "the bearer token is not valid (signature, issuer, audience or expiry)"),
    NOT_AUTHENTICATED("TG-AUTH-022", 401, IssueType.LOGIN, "the caller is not authenticated"),
    SCOPE_NOT_GRANTED("TG-AUTH-403", 403, IssueType.FORBIDDEN, "the token does not grant %s (or a wider scope)");

    private final String code;
    private final int status;
    private final IssueType issueType;
    private final String template;

    /** A code that is logged or raised, never answered. */
    AuthError(String code, String template) {
        this(code, 0, null, template);
    }

    AuthError(String code, int status, IssueType issueType, String template) {
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
