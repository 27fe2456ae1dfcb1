package org.toxgrade.signin;

import static org.toxgrade.fhir.ErrorCode.failure;
import static org.toxgrade.fhir.ErrorCode.refusal;

import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.toxgrade.fhir.ErrorCode;

/** The codes of the local sign-in: authorization requests, sign-in forms and code exchanges that are refused. */
public enum SignInError implements ErrorCode {

    NOT_AVAILABLE(refusal("TG-SIGNIN-001", 404, IssueType.NOTFOUND,
            "the local sign-in is only offered when tokens are verified against the local key; sign in at the "
                    + "hospital's authorization server")),
    RESPONSE_TYPE(refusal("TG-SIGNIN-002", 400, IssueType.NOTSUPPORTED, "response_type must be 'code'")),
    UNKNOWN_CLIENT(refusal("TG-SIGNIN-003", 400, IssueType.SECURITY, "client_id is not the local client")),
    REDIRECT_NOT_ALLOWED(refusal("TG-SIGNIN-004", 400, IssueType.SECURITY,
            "redirect_uri must be a page of this service under /app/")),
    PKCE_REQUIRED(refusal("TG-SIGNIN-005", 400, IssueType.SECURITY,
            "a code_challenge with code_challenge_method S256 is required (PKCE, RFC 7636)")),
    WRONG_AUDIENCE(refusal("TG-SIGNIN-006", 400, IssueType.SECURITY, "aud must be this service's FHIR base URL")),
    NO_STATE(refusal("TG-SIGNIN-007", 400, IssueType.REQUIRED, "state is required")),
    BAD_LAUNCH(refusal("TG-SIGNIN-008", 400, IssueType.INVALID, "launch must be the id of a patient")),
    WRONG_CREDENTIALS(refusal("TG-SIGNIN-010", 401, IssueType.LOGIN, "user name or password is wrong")),
    GRANT_TYPE(refusal("TG-SIGNIN-020", 400, IssueType.NOTSUPPORTED, "grant_type must be 'authorization_code'")),
    CODE_NOT_VALID(refusal("TG-SIGNIN-021", 400, IssueType.SECURITY,
            "the code is unknown, expired or used already")),
    VERIFIER_MISMATCH(refusal("TG-SIGNIN-022", 400, IssueType.SECURITY,
            "code_verifier does not match the code_challenge (PKCE S256)")),
    CODE_MISMATCH(refusal("TG-SIGNIN-023", 400, IssueType.SECURITY,
            "client_id or redirect_uri differ from the authorization request")),
    PASSWORD_NOT_WRITTEN(failure("TG-SIGNIN-030", "could not write the local sign-in password file"));

    private final Spec spec;

    SignInError(Spec spec) {
        this.spec = spec;
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
