package org.toxgrade.security;

import static org.toxgrade.fhir.ErrorCode.failure;
import static org.toxgrade.fhir.ErrorCode.refusal;

import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.toxgrade.fhir.ErrorCode;

/** The codes of authentication and authorization: token verification and scopes, and the local signing keys. */
public enum AuthError implements ErrorCode {

    NO_VERIFICATION_KEY(failure("TG-AUTH-001",
            "no token verification key: set MP_JWT_VERIFY_PUBLICKEY_LOCATION (JWKS file or "
                    + "URL), MP_JWT_VERIFY_ISSUER and MP_JWT_VERIFY_AUDIENCES, or allow local keys "
                    + "(toxgrade.auth.local-keys=true)")),
    AUTHENTICATION_OFF(failure("TG-AUTH-002",
            "AUTHENTICATION IS OFF (toxgrade.auth.enabled=false): every caller may read and "
                    + "write patient data. Use only on an isolated test bench.")),
    LOCAL_KEY_NOT_GENERATED(failure("TG-AUTH-010", "could not generate the local signing key")),
    LOCAL_KEY_UNREADABLE(failure("TG-AUTH-011", "%s is not a PKCS#8 RSA or EC private key")),
    TOKEN_NOT_SIGNED(failure("TG-AUTH-012", "could not sign the token")),
    TOKEN_REQUIRED(
            refusal("TG-AUTH-020", 401, IssueType.LOGIN, "a bearer token is required (Authorization: Bearer ...)")),
    TOKEN_INVALID(refusal("TG-AUTH-021", 401, IssueType.LOGIN,
            "the bearer token is not valid (signature, issuer, audience or expiry)")),
    NOT_AUTHENTICATED(refusal("TG-AUTH-022", 401, IssueType.LOGIN, "the caller is not authenticated")),
    SCOPE_NOT_GRANTED(
            refusal("TG-AUTH-403", 403, IssueType.FORBIDDEN, "the token does not grant %s (or a wider scope)"));

    private final Spec spec;

    AuthError(Spec spec) {
        this.spec = spec;
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
