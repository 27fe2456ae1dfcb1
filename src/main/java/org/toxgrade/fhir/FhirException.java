package org.toxgrade.fhir;

import java.util.Objects;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * A request the service refuses, with everything needed to answer it as a FHIR OperationOutcome: the
 * code from a package's catalogue ({@link ErrorCode}), the status and issue type, and the FHIRPath of the
 * offending element. Messages name elements and resource types, never patient values.
 */
public class FhirException extends RuntimeException {

    private final ErrorCode code;
    private final int status;
    private final IssueType issueType;
    private final String expression;

    /** Use {@link ErrorCode#refuse} or {@link ErrorCode#refuseAt}; this form is for a status that varies. */
    public FhirException(ErrorCode code, int status, IssueType issueType, String message, String expression,
            Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
        this.status = status;
        this.issueType = Objects.requireNonNull(issueType, "issueType");
        this.expression = expression;
    }

    /** The same refusal, located at {@code expression} (e.g. the Bundle entry it came from). */
    public FhirException at(String expression) {
        return new FhirException(code, status, issueType, getMessage(), expression, getCause());
    }

    public ErrorCode code() {
        return code;
    }

    public int status() {
        return status;
    }

    public IssueType issueType() {
        return issueType;
    }

    /** The FHIRPath of the offending element, when there is one. */
    public String expression() {
        return expression;
    }
}
