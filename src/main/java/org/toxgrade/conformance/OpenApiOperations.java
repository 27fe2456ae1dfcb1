package org.toxgrade.conformance;

import java.util.List;
import java.util.Map;

/**
 * What each FHIR and API operation answers, status by status, with the schema of the body (the
 * components of {@code META-INF/openapi.yaml}): the table {@link OpenApiDocumentFilter} writes into the
 * OpenAPI document, which otherwise lists every operation as an untyped 200. The statuses are the ones
 * the endpoints and the error catalogues answer (docs/error-codes.md); a test checks that every FHIR
 * operation of the document is in this table and every reference resolves.
 */
public final class OpenApiOperations {

    /** One answer: status, what it means, and the schema of its body (null for none). */
    public record Answer(int status, String description, String schema) {
    }

    /** The JSON media types FHIR bodies travel in. */
    public static final List<String> FHIR_MEDIA_TYPES = List.of("application/fhir+json", "application/json");

    static final String OUTCOME = "OperationOutcome";

    private static final Answer UNAUTHENTICATED = new Answer(401, "no valid bearer token (WWW-Authenticate: Bearer)",
            OUTCOME);
    private static final Answer FORBIDDEN = new Answer(403, "the token's scopes do not allow this interaction",
            OUTCOME);
    private static final Answer UNAVAILABLE = new Answer(503,
            "storage unavailable or a write still conflicting after retries; nothing stored (Retry-After)", OUTCOME);
    private static final Answer TOO_LARGE = new Answer(413, "body over the configured limit", OUTCOME);
    private static final Answer MEDIA_TYPE = new Answer(415, "not FHIR JSON (XML is never parsed)", OUTCOME);
    private static final Answer INVALID = new Answer(400, "malformed request, body or parameter (issue.expression)",
            OUTCOME);
    private static final Answer UNPROCESSABLE = new Answer(422,
            "valid FHIR the service cannot take: a known code with an impossible value, a missing unit, subject or time",
            OUTCOME);

    private static final List<Answer> WRITE_REFUSALS = List.of(INVALID, UNAUTHENTICATED, FORBIDDEN,
            new Answer(412, "a condition (If-Match, If-None-Exist, identifier) does not hold", OUTCOME), TOO_LARGE,
            MEDIA_TYPE, UNPROCESSABLE, UNAVAILABLE);
    private static final List<Answer> READ_REFUSALS = List.of(INVALID, UNAUTHENTICATED, FORBIDDEN,
            new Answer(404, "no such resource (or version)", OUTCOME), UNAVAILABLE);
    private static final List<Answer> SEARCH_REFUSALS = List.of(
            new Answer(400, "an unknown parameter, modifier or unreadable value, named in issue.expression; a "
                    + "search is never widened by ignoring one", OUTCOME),
            UNAUTHENTICATED, FORBIDDEN, UNAVAILABLE);

    private static List<Answer> with(List<Answer> answers, List<Answer> refusals) {
        return java.util.stream.Stream.concat(answers.stream(), refusals.stream()).toList();
    }

    /** By {@code METHOD path} as the document names the operation. */
    public static final Map<String, List<Answer>> ALL = Map.ofEntries(
            Map.entry("GET /fhir/metadata",
                    List.of(new Answer(200, "what the server supports", "CapabilityStatement"))),
            Map.entry("GET /.well-known/smart-configuration", List.of(
                    new Answer(200, "SMART discovery", "SmartConfiguration"),
                    new Answer(404, "no token endpoint configured (TG-SMART-001)", OUTCOME))),
            Map.entry("GET /fhir/.well-known/smart-configuration", List.of(
                    new Answer(200, "SMART discovery", "SmartConfiguration"),
                    new Answer(404, "no token endpoint configured (TG-SMART-001)", OUTCOME))),
            Map.entry("POST /fhir", with(List.of(
                    new Answer(200, "batch-response or transaction-response: one entry per request entry, refused "
                            + "entries of a batch with their OperationOutcome", "Bundle")),
                    List.of(new Answer(400, "not a batch or transaction Bundle, or a refused transaction", OUTCOME),
                            UNAUTHENTICATED, FORBIDDEN,
                            new Answer(412, "a condition of a transaction entry does not hold", OUTCOME), TOO_LARGE,
                            MEDIA_TYPE, UNPROCESSABLE, UNAVAILABLE))),
            Map.entry("POST /fhir/{type}", with(List.of(
                    new Answer(201, "created (Location, ETag); the resource, or an OperationOutcome with "
                            + "Prefer: return=OperationOutcome", "Resource"),
                    new Answer(200, "If-None-Exist found the resource: nothing stored, Location names it", OUTCOME)),
                    WRITE_REFUSALS)),
            Map.entry("PUT /fhir/{type}/{id}", with(List.of(
                    new Answer(200, "updated, or unchanged (same content or sender version)", "Resource"),
                    new Answer(201, "created with the sender's id", "Resource")), WRITE_REFUSALS)),
            Map.entry("PUT /fhir/{type}", with(List.of(
                    new Answer(200, "conditional update: the one resource carrying the identifier updated", "Resource"),
                    new Answer(201, "conditional update: none carried it, created", "Resource")), WRITE_REFUSALS)),
            Map.entry("GET /fhir/{type}/{id}", with(List.of(
                    new Answer(200, "the resource as received (ETag, Last-Modified)", "Resource"),
                    new Answer(304, "If-None-Match names the current version", null)), READ_REFUSALS)),
            Map.entry("GET /fhir/{type}/{id}/_history/{version}", with(List.of(
                    new Answer(200, "that version as received", "Resource"),
                    new Answer(304, "If-None-Match names this version", null)), READ_REFUSALS)),
            Map.entry("GET /fhir/Condition", with(List.of(
                    new Answer(200, "searchset of CRS and ICANS Conditions, paged by cursor", "Bundle")),
                    SEARCH_REFUSALS)),
            Map.entry("GET /fhir/Flag", with(List.of(
                    new Answer(200, "searchset of neurotoxicity Flags, paged by cursor", "Bundle")), SEARCH_REFUSALS)),
            Map.entry("GET /fhir/Condition/{id}", with(List.of(new Answer(200, "the Condition", "Condition"),
                    new Answer(304, "If-None-Match names the current version", null)), READ_REFUSALS)),
            Map.entry("GET /fhir/Flag/{id}", with(List.of(new Answer(200, "the Flag", "Flag"),
                    new Answer(304, "If-None-Match names the current version", null)), READ_REFUSALS)),
            Map.entry("GET /fhir/AuditEvent", with(List.of(new Answer(200, "searchset of AuditEvents", "Bundle")),
                    SEARCH_REFUSALS)),
            Map.entry("POST /fhir/$grade", with(List.of(
                    new Answer(200, "collection of the Conditions, Flags and Provenance the service would write; "
                            + "nothing stored", "Bundle")),
                    List.of(INVALID, UNAUTHENTICATED, FORBIDDEN, TOO_LARGE, MEDIA_TYPE, UNPROCESSABLE))),
            Map.entry("POST /fhir/$import", List.of(
                    new Answer(202, "accepted; Content-Location names the status endpoint", null), INVALID,
                    UNAUTHENTICATED, FORBIDDEN, TOO_LARGE, MEDIA_TYPE)),
            Map.entry("GET /fhir/$import-status/{id}", List.of(
                    new Answer(200, "finished: stored by type and outcome, each refused line", "ImportStatus"),
                    new Answer(202, "running (X-Progress)", null), UNAUTHENTICATED, FORBIDDEN,
                    new Answer(404, "no such import of this client", OUTCOME))),
            Map.entry("GET /api/patients/{id}/timeline", List.of(
                    new Answer(200, "the patient's course day by day", "Timeline"), INVALID, UNAUTHENTICATED,
                    FORBIDDEN, new Answer(404, "no episode known for the patient (TG-TIMELINE-001)", OUTCOME))),
            Map.entry("POST /notify/{source}", List.of(
                    new Answer(200, "notification stored in the inbox (TG-SUB-015, X-Inbox-Entry); processed in the "
                            + "background, a content it cannot take recorded as a refusal", OUTCOME),
                    UNAUTHENTICATED,
                    new Answer(404, "no such source", OUTCOME), TOO_LARGE, MEDIA_TYPE, UNAVAILABLE)),
            Map.entry("PUT /notify/{source}/{type}/{id}", List.of(
                    new Answer(200, "the resource the EHR pushed, stored in the inbox (TG-SUB-015, X-Inbox-Entry)",
                            OUTCOME),
                    UNAUTHENTICATED, new Answer(404, "no such source", OUTCOME), TOO_LARGE,
                    MEDIA_TYPE, UNAVAILABLE)),
            Map.entry("DELETE /notify/{source}/{type}/{id}", List.of(
                    new Answer(200, "the EHR deleted the resource: acknowledged, nothing removed here", OUTCOME),
                    UNAUTHENTICATED, new Answer(404, "no such source", OUTCOME), UNAVAILABLE)));

    /**
     * Operations that are not FHIR (CDS Hooks, the page's configuration, the local sign-in, the worklist):
     * their success answers keep the schema generated from their Java types (JSON or HTML), and these
     * refusals are added.
     */
    public static final Map<String, List<Answer>> OTHER = Map.of(
            "GET /cds-services", List.of(),
            "POST /cds-services/{id}", List.of(
                    new Answer(400, "not a CDS Hooks request of this service's hook (context.patientId, hookInstance)",
                            OUTCOME),
                    new Answer(401, "no CDS client JWT, or one not signed by a configured issuer", OUTCOME),
                    new Answer(404, "no such CDS service", OUTCOME)),
            "GET /api/worklist", List.of(UNAUTHENTICATED, FORBIDDEN),
            "GET /app/config", List.of(),
            "GET /auth/authorize", List.of(new Answer(400, "not an authorization request this service takes "
                    + "(response_type code, a client and redirect of this service, PKCE S256, state)", OUTCOME),
                    new Answer(404, "local sign-in is off (the hospital's authorization server is configured)",
                            OUTCOME)),
            "POST /auth/authorize", List.of(new Answer(303, "signed in: back to the page with the code", null),
                    new Answer(400, "not an authorization request this service takes", OUTCOME),
                    new Answer(401, "user name or password wrong (the sign-in page again)", null)),
            "POST /auth/token", List.of(new Answer(400, "the code is unknown, used, expired, or not for this "
                    + "client, redirect or PKCE verifier", OUTCOME)));

    /** Operations answered without a bearer token (BearerTokenFilter#isOpen and the sign-in). */
    public static final List<String> OPEN = List.of("GET /fhir/metadata", "GET /.well-known/smart-configuration",
            "GET /fhir/.well-known/smart-configuration", "GET /cds-services", "GET /app/config",
            "GET /auth/authorize", "POST /auth/authorize", "POST /auth/token");

    /** Operations whose request body is FHIR JSON, with its schema. */
    public static final Map<String, String> FHIR_BODIES = Map.of("POST /fhir", "Bundle", "POST /fhir/{type}",
            "Resource", "PUT /fhir/{type}/{id}", "Resource", "PUT /fhir/{type}", "Resource", "POST /fhir/$grade",
            "Bundle");

    private OpenApiOperations() {
    }
}
