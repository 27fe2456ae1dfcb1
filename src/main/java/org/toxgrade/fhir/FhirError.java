package org.toxgrade.fhir;

import static org.toxgrade.fhir.ErrorCode.refusal;

import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/** The codes of {@code fhir}: refusals of the HTTP layer common to every endpoint (media types, unknown paths, characters a URL may not hold, storage conflicts and outages), of FHIR JSON parsing, and of the id rule. */
public enum FhirError implements ErrorCode {

    UNSUPPORTED_MEDIA_TYPE(refusal("TG-HTTP-415", 415, IssueType.NOTSUPPORTED,
            "send %s or %s; other media types (including XML) are not accepted")),
    NOT_ACCEPTABLE(refusal("TG-HTTP-406", 406, IssueType.NOTSUPPORTED, "this server answers only in %s")),
    NO_SUCH_ENDPOINT(refusal("TG-HTTP-404", 404, IssueType.NOTFOUND, "no such endpoint")),
    INTERACTION_NOT_SUPPORTED(refusal("TG-HTTP-405", 405, IssueType.NOTSUPPORTED,
            "this interaction is not supported here")),
    /** Any other refusal of the HTTP layer; answered with the status it had (see FhirExceptionMappers). */
    REQUEST_REFUSED(refusal("TG-HTTP-001", 400, IssueType.INVALID, "request refused (HTTP %d)")),
    INTERNAL_ERROR(refusal("TG-HTTP-500", 500, IssueType.EXCEPTION,
            "internal error; nothing was stored by this request")),
    CONCURRENT_WRITE(refusal("TG-STORE-409", 409, IssueType.CONFLICT,
            "a concurrent write to the same resource won; retry the request")),
    STORAGE_UNAVAILABLE(refusal("TG-DB-503", 503, IssueType.TRANSIENT,
            "storage is unavailable; nothing was stored, retry later")),
    NOT_FHIR_JSON(refusal("TG-FHIR-001", 400, IssueType.STRUCTURE,
            "body is not a valid FHIR R4 JSON resource: %s")),
    /**
     * The id rule of {@link FhirIds}, wherever an id arrives: URL, subject reference, meta.versionId, search.
     * Its code is the one ingest answered for URL ids before the rule held everywhere; senders keep it.
     */
    INVALID_ID(refusal("TG-INGEST-007", 400, IssueType.INVALID,
            "the id is not a valid FHIR id ([A-Za-z0-9-.]{1,64})")),
    /** The response-shaping parameters of a read (R4 http.html#read: _elements, _summary, _pretty, _format). */
    READ_ELEMENT_UNKNOWN(
            refusal("TG-FHIR-010", 400, IssueType.INVALID, "_elements of a read: %s is not an element of %s")),
    READ_SUMMARY_UNSUPPORTED(refusal("TG-FHIR-011", 400, IssueType.NOTSUPPORTED,
            "_summary of a read must be true, data or false")),
    READ_PRETTY_INVALID(refusal("TG-FHIR-012", 400, IssueType.INVALID, "_pretty of a read must be true or false")),
    READ_PARAMETER_REPEATED(refusal("TG-FHIR-013", 400, IssueType.INVALID, "%s may be given only once on a read")),
    /** A NUL or other control character in a URL reaches no database query and no log line. */
    URL_NOT_TEXT(refusal("TG-HTTP-002", 400, IssueType.INVALID,
            "the URL holds a control character (such as a percent-encoded NUL) or an unpaired surrogate"));

    private final Spec spec;

    FhirError(Spec spec) {
        this.spec = spec;
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
