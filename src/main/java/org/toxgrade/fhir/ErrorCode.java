package org.toxgrade.fhir;

import java.util.Locale;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * One code of the service: a refusal answered as an OperationOutcome, a failure, or an operator event
 * written to the log. Each code is defined once, in its package's catalogue (an enum implementing this
 * interface), and has one meaning; every message starts with it so that it can be found with grep, as
 * HAPI FHIR's {@code Msg.code} does. Templates name elements, types and settings, never patient values.
 */
public interface ErrorCode {

    /**
     * What a code is.
     *
     * @param code      the code, e.g. {@code TG-INGEST-001}
     * @param status    the HTTP status a refusal with this code is answered with; 0 when it is never answered
     * @param issueType the OperationOutcome issue type of a refusal; null when it is never answered
     * @param template  the message, with {@link String#format} placeholders for the details
     */
    record Spec(String code, int status, IssueType issueType, String template) {
    }

    /** A code answered to the caller as an OperationOutcome. */
    static Spec refusal(String code, int status, IssueType issueType, String template) {
        return new Spec(code, status, issueType, template);
    }

    /** A code only thrown inside the service or logged for the operator, never answered as such. */
    static Spec failure(String code, String template) {
        return new Spec(code, 0, null, template);
    }

    Spec spec();

    default String code() {
        return spec().code();
    }

    default int status() {
        return spec().status();
    }

    default IssueType issueType() {
        return spec().issueType();
    }

    default String template() {
        return spec().template();
    }

    /** The message as sent and logged: code first. */
    default String message(Object... details) {
        return code() + ": " + (details.length == 0 ? template() : String.format(Locale.ROOT, template(), details));
    }

    /** A refusal with this code's status and issue type. */
    default FhirException refuse(Object... details) {
        return new FhirException(this, status(), issueType(), message(details), null, null);
    }

    /** A refusal naming the offending element by its FHIRPath (or query parameter). */
    default FhirException refuseAt(String expression, Object... details) {
        return new FhirException(this, status(), issueType(), message(details), expression, null);
    }
}
