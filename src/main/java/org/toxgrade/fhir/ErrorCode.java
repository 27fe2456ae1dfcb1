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

    /** The code, e.g. {@code TG-INGEST-001}. */
    String code();

    /** The HTTP status a refusal with this code is answered with; 0 when it is never answered. */
    int status();

    /** The OperationOutcome issue type of a refusal; null when it is never answered. */
    IssueType issueType();

    /** The message, with {@link String#format} placeholders for the details. */
    String template();

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
