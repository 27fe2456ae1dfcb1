package org.toxgrade.facts;

import java.util.Objects;
import org.toxgrade.fhir.ErrorCode;
import org.toxgrade.fhir.FhirException;

/**
 * A resource that cannot become facts. Carries the FHIRPath of the offending element (e.g.
 * {@code Observation.valueQuantity.code}) and a message that starts with the error's unique code
 * and holds no patient value or id, so the service can answer it as an OperationOutcome with
 * {@code issue.expression} and log it as it is: 422 for the codes of {@link FactError}, 400 for a
 * subject whose id breaks the service's one id rule ({@code FhirError.INVALID_ID}).
 */
public final class FactMappingException extends RuntimeException {

    private final ErrorCode error;
    private final String fhirPath;

    public FactMappingException(ErrorCode error, String fhirPath) {
        super(Objects.requireNonNull(error, "error").message() + " (" + fhirPath + ")");
        this.error = error;
        this.fhirPath = Objects.requireNonNull(fhirPath, "fhirPath");
    }

    public ErrorCode error() {
        return error;
    }

    /** The unique code, e.g. {@code TG-FACT-020}. */
    public String code() {
        return error.code();
    }

    public String fhirPath() {
        return fhirPath;
    }

    /** The refusal the sender gets: the code's status, the message with its code, located at {@code expression}. */
    public FhirException refusal(String expression) {
        return new FhirException(error, error.status(), error.issueType(), getMessage(), expression, this);
    }
}
