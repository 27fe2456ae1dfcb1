package org.toxgrade.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import jakarta.inject.Singleton;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * JSON parsing and encoding with the shared context. A new parser per call: HAPI parsers are not
 * thread-safe. Unknown elements are tolerated (the raw text is kept elsewhere, so nothing is lost)
 * but values that are not valid FHIR (a date that is not a date) are errors.
 */
@Singleton
public class FhirJson {

    private final FhirContext context;

    public FhirJson(FhirContext context) {
        this.context = context;
    }

    public FhirContext context() {
        return context;
    }

    /** Parses a resource, answering 400 with a diagnosable OperationOutcome when it is not FHIR JSON. */
    public IBaseResource parse(String json) {
        try {
            return newParser().parseResource(json);
        } catch (DataFormatException | IllegalArgumentException e) {
            throw new FhirException(400, IssueType.STRUCTURE,
                    "TG-FHIR-001: body is not a valid FHIR R4 JSON resource: " + withoutValues(e.getMessage()), null, e);
        }
    }

    /**
     * HAPI quotes the offending value in its messages; an answer must not carry patient values, so
     * keep the element names ({@code [element="..."]}) and blank every other quoted text.
     */
    static String withoutValues(String message) {
        return message == null ? "" : message.replaceAll("(?<!element=)\"[^\"]*\"", "\"...\"");
    }

    public String encode(IBaseResource resource) {
        return context.newJsonParser().encodeResourceToString(resource);
    }

    private IParser newParser() {
        LenientErrorHandler errors = new LenientErrorHandler(false);
        errors.setErrorOnInvalidValue(true);
        return context.newJsonParser().setParserErrorHandler(errors);
    }
}
