package org.toxgrade.ingest;

import static org.toxgrade.fhir.ErrorCode.refusal;

import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.toxgrade.fhir.ErrorCode;

/** The codes of {@code ingest}: refusals of what senders write (bodies, Bundles, entries, ids, versions), of $grade, and of reads of stored resources. */
public enum IngestError implements ErrorCode {

    EMPTY_BODY(refusal("TG-INGEST-001", 400, IssueType.REQUIRED, "the request body is empty")),
    TYPE_NOT_WRITABLE(refusal("TG-INGEST-002", 422, IssueType.NOTSUPPORTED,
            "resource type '%s' cannot be written here; accepted: %s")),
    BODY_TYPE_MISMATCH(refusal("TG-INGEST-003", 400, IssueType.INVALID,
            "body resourceType '%s' does not match the URL type '%s'")),
    BODY_NOT_AN_OBJECT(refusal("TG-INGEST-004", 400, IssueType.STRUCTURE, "the body must be a JSON object")),
    NO_RESOURCE_TYPE(refusal("TG-INGEST-005", 400, IssueType.REQUIRED, "the body has no resourceType")),
    MALFORMED_JSON(refusal("TG-INGEST-006", 400, IssueType.STRUCTURE,
            "the body is not well-formed JSON (line %d, column %d)")),
    UPDATE_WITHOUT_ID(refusal("TG-INGEST-008", 400, IssueType.REQUIRED,
            "an update must carry the resource id in the body")),
    ID_MISMATCH(refusal("TG-INGEST-009", 400, IssueType.INVALID, "the body id does not match the id in the URL")),
    BODY_TOO_LARGE(refusal("TG-INGEST-012", 413, IssueType.TOOCOSTLY,
            "request body is larger than %d bytes; split it into smaller Bundles")),
    CONTENT_LENGTH_NOT_A_NUMBER(refusal("TG-INGEST-013", 400, IssueType.INVALID, "Content-Length is not a number")),
    /*
     * The JSON limits (IngestSettings, README "Limits"): checked on the body's tokens before anything builds
     * a tree or a resource. 400, not 413: splitting the Bundle would not help, the content must change.
     * Issue type too-long, R4's "provided content is too long (typically, this is a denial of service
     * protection type of error)".
     */
    TOO_DEEP(refusal("TG-INGEST-014", 400, IssueType.TOOLONG,
            "the JSON nests objects and arrays deeper than %d levels (line %d, column %d)")),
    STRING_TOO_LONG(refusal("TG-INGEST-015", 400, IssueType.TOOLONG,
            "a JSON string is longer than %d characters (line %d, column %d)")),
    NUMBER_TOO_LONG(refusal("TG-INGEST-016", 400, IssueType.TOOLONG,
            "a JSON number is longer than %d characters as sent or written out without its exponent "
                    + "(line %d, column %d)")),
    NAME_TOO_LONG(refusal("TG-INGEST-017", 400, IssueType.TOOLONG,
            "a JSON property name is longer than %d characters (line %d, column %d)")),
    /** Stored, half a surrogate pair becomes "?" (and two ids one): refused, never normalised. */
    UNPAIRED_SURROGATE(refusal("TG-INGEST-018", 400, IssueType.INVALID,
            "a JSON string holds half of a UTF-16 surrogate pair, which is no Unicode character (line %d, column %d)")),
    /** Decoded leniently, invalid bytes would be stored as U+FFFD: refused instead. */
    BODY_NOT_TEXT(refusal("TG-INGEST-019", 400, IssueType.STRUCTURE,
            "the body is not valid %s (the charset of its Content-Type; UTF-8 when it names none)")),
    NOT_A_BUNDLE(refusal("TG-INGEST-020", 422, IssueType.NOTSUPPORTED,
            "POST /fhir takes a batch or transaction Bundle, not '%s'")),
    TOO_MANY_ENTRIES(refusal("TG-INGEST-021", 413, IssueType.TOOCOSTLY,
            "Bundle has %d entries; at most %d are accepted in one request")),
    BUNDLE_TYPE_NOT_ACCEPTED(refusal("TG-INGEST-022", 422, IssueType.NOTSUPPORTED,
            "Bundle.type must be batch or transaction, not '%s'")),
    TRANSACTION_DUPLICATE_TARGET(refusal("TG-INGEST-023", 400, IssueType.DUPLICATE,
            "transaction writes the same %s more than once")),
    ENTRY_METHOD_MISSING(refusal("TG-INGEST-024", 400, IssueType.REQUIRED,
            "entry.request.method is required in a batch or transaction")),
    ENTRY_METHOD_NOT_ACCEPTED(refusal("TG-INGEST-025", 405, IssueType.NOTSUPPORTED,
            "only POST and PUT entries are accepted, not %s")),
    ENTRY_URL_MISSING(refusal("TG-INGEST-026", 400, IssueType.REQUIRED, "entry.request.url is required")),
    ENTRY_RESOURCE_MISSING(refusal("TG-INGEST-028", 400, IssueType.REQUIRED, "entry.resource is required for %s")),
    ENTRY_RESOURCE_NOT_AN_OBJECT(refusal("TG-INGEST-033", 400, IssueType.STRUCTURE,
            "entry.resource must be a JSON object holding a resource")),
    ENTRIES_NOT_OBJECTS(refusal("TG-INGEST-034", 400, IssueType.STRUCTURE,
            "Bundle.entry must be an array of JSON objects")),
    ENTRY_TYPE_NOT_WRITABLE(refusal("TG-INGEST-029", 422, IssueType.NOTSUPPORTED,
            "entry request.url type '%s' cannot be written here; accepted: %s")),
    ENTRY_TYPE_MISMATCH(refusal("TG-INGEST-030", 400, IssueType.INVALID,
            "entry resource type '%s' does not match request.url type '%s'")),
    POST_URL_NOT_A_TYPE(refusal("TG-INGEST-031", 400, IssueType.INVALID,
            "a POST entry's request.url is the resource type alone")),
    PUT_URL_NOT_TYPE_AND_ID(refusal("TG-INGEST-032", 400, IssueType.INVALID, "a PUT entry's request.url is Type/id")),
    VERSION_CONTENT_CONFLICT(refusal("TG-INGEST-040", 409, IssueType.CONFLICT,
            "this %s version (meta.versionId) was received before with different content")),
    /** Not a refusal: the information an OperationOutcome answer carries when one was asked for. */
    WRITE_CONFLICT_PERSISTED(refusal("TG-INGEST-050", 503, IssueType.TRANSIENT,
            "nothing was stored: the write met concurrent writes to the same patients or resources %d times; send it again")),
    IMPORT_EMPTY(refusal("TG-INGEST-080", 400, IssueType.REQUIRED,
            "the import has no resources: send NDJSON, one FHIR resource per line")),
    IMPORT_JOB_UNKNOWN(refusal("TG-INGEST-081", 404, IssueType.NOTFOUND,
            "no import job with this id (jobs are kept in memory for %d hours, and not across restarts)")),
    IMPORT_TOO_LARGE(refusal("TG-INGEST-082", 413, IssueType.TOOCOSTLY,
            "import body is larger than %d bytes; split the file")),
    IMPORT_FAILED(refusal("TG-INGEST-083", 503, IssueType.TRANSIENT,
            "bulk import %s stopped after line %d (%s); what it stored is kept and its patients are derived by"
                    + " the sweeper: send the file again, which stores nothing twice")),
    WRITE_DONE(refusal("TG-INGEST-100", 200, IssueType.INFORMATIONAL, "%s %s")),
    /**
     * Not a refusal: the warning for codes the service does not know (docs/clinical-rules.md section 8), in a
     * write's OperationOutcome, a batch or transaction entry's response.outcome and the $grade
     * collection; the resource is accepted. Issue type code-invalid: R4 defines it as "the code or
     * system could not be understood, or it was not valid in the context of a particular ValueSet",
     * which is what happened (no package ValueSet and no site ConceptMap holds the code). Not
     * not-supported, which R4 keeps for "the interaction, operation, resource or profile".
     */
    UNKNOWN_CODES(refusal("TG-INGEST-101", 200, IssueType.CODEINVALID,
            "codes of system %s are not known to the service and give no facts; map them to contract codes "
                    + "with a site ConceptMap")),
    GRADE_NOT_A_BUNDLE(refusal("TG-GRADE-001", 422, IssueType.NOTSUPPORTED,
            "$grade takes a Bundle of the patient's resources")),
    GRADE_TYPE_WITHOUT_FACTS(refusal("TG-GRADE-002", 422, IssueType.NOTSUPPORTED,
            "resource type %s carries no facts; accepted: %s")),
    GRADE_AS_OF_INVALID(refusal("TG-GRADE-004", 400, IssueType.INVALID,
            "asOf must be an instant, e.g. 2026-03-20T00:00:00Z")),
    /**
     * Not a refusal: the $grade warning for an ICE score sent for a child below the CAPD age cut-off
     * (docs/clinical-rules.md section 3: not used for grading, and "a $grade warning says that a CAPD is
     * required"), one issue per ICE in the answer's one OperationOutcome entry; the Bundle is graded.
     * Issue type business-rule: R4 defines it as "the content/operation failed to pass some business
     * rule and so could not proceed", which is what happened to the ICE: a valid score that the
     * consensus rule for children (CAPD below the cut-off) keeps out of the grading. Not code-invalid
     * (the code is known) nor value or invariant (the score is valid), not processing (nothing failed),
     * not informational (the sender has something to do: send a CAPD), not suppressed (R4 keeps it
     * for information not returned for consent, privacy or access reasons).
     */
    ICE_BELOW_CAPD_AGE(refusal("TG-GRADE-101", 200, IssueType.BUSINESSRULE,
            "an ICE score was sent for a child assessed with the CAPD (%s): it is not used for grading; send a "
                    + "CAPD")),
    IF_MATCH_INVALID(refusal("TG-INGEST-060", 400, IssueType.INVALID,
            "If-Match must be an ETag of a version, W/\"n\" (as a read answers it)")),
    IF_MATCH_FAILED(refusal("TG-INGEST-061", 412, IssueType.CONFLICT,
            "If-Match: the %s is not at that version (read it again and resend with its ETag)")),
    CONDITION_INVALID(refusal("TG-INGEST-062", 400, IssueType.INVALID,
            "%s must be identifier=system|value (the only search a conditional write takes here)")),
    CONDITION_MULTIPLE_MATCHES(refusal("TG-INGEST-063", 412, IssueType.MULTIPLEMATCHES,
            "%s: more than one %s carries this identifier")),
    CONDITION_CHANGED(refusal("TG-INGEST-064", 412, IssueType.CONFLICT,
            "conditional write: which %s carries this identifier changed while the request was processed; send it again")),
    CONDITIONAL_UPDATE_ID_MISMATCH(refusal("TG-INGEST-065", 400, IssueType.INVALID,
            "conditional update: the body's id is not the id of the %s that carries this identifier")),
    ENTRY_CONDITION_MISPLACED(refusal("TG-INGEST-066", 400, IssueType.INVALID,
            "%s belongs to %s (FHIR Bundle.entry.request)")),
    UNKNOWN_ELEMENTS_REFUSED(refusal("TG-INGEST-070", 400, IssueType.STRUCTURE,
            "elements not defined by FHIR R4 (Prefer: handling=strict refuses them): %s")),
    /**
     * Not a refusal: the warning for an element R4 does not define, sent without {@code handling=strict}.
     * The resource is stored (the element is kept in the raw copy) but nothing reads the element.
     */
    UNKNOWN_ELEMENT(refusal("TG-INGEST-071", 200, IssueType.STRUCTURE,
            "%s is not an element of FHIR R4: it is kept in the stored raw copy but nothing reads it (a misspelt element?)")),
    READ_TYPE_NOT_STORED(refusal("TG-READ-001", 404, IssueType.NOTSUPPORTED, "resource type '%s' is not stored here")),
    READ_NO_SUCH_RESOURCE(refusal("TG-READ-002", 404, IssueType.NOTFOUND, "no such %s%s")),
    READ_VERSION_NOT_A_NUMBER(refusal("TG-READ-003", 404, IssueType.NOTFOUND, "no such version"));

    private final Spec spec;

    IngestError(Spec spec) {
        this.spec = spec;
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
