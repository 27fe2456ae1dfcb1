package org.toxgrade.fhir;

import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * A request the service refuses, with everything needed to answer it as a FHIR OperationOutcome.
 * Every message starts with a unique code (TG-...) so that it can be found with grep. Messages name
 * elements and resource types, never patient values.
 */
public class FhirException extends RuntimeException {

    private final int status;
    private final IssueType issueType;
    private final String expression;

    public FhirException(int status, IssueType issueType, String message) {
        this(status, issueType, message, null, null);
    }

    public FhirException(int status, IssueType issueType, String message, String expression) {
        this(status, issueType, message, expression, null);
    }

    public FhirException(int status, IssueType issueType, String message, String expression, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.issueType = issueType;
        this.expression = expression;
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

    public static FhirException badRequest(String message) {
        return new FhirException(400, IssueType.INVALID, message);
    }

    public static FhirException unprocessable(IssueType type, String message, String expression) {
        return new FhirException(422, type, message, expression);
    }
}
