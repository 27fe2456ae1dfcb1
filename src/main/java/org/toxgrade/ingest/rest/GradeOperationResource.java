package org.toxgrade.ingest.rest;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.toxgrade.fhir.FhirMediaTypes;
import org.toxgrade.fhir.rest.FhirResponses;
import org.toxgrade.ingest.GradeOperation;
import org.toxgrade.ingest.IngestError;
import org.toxgrade.ingest.IngestSettings;
import org.toxgrade.security.CurrentCaller;
import org.toxgrade.security.GrantedScopes;

/**
 * {@code POST /fhir/$grade}: a Bundle in (Patient plus the resources of the input contract), a
 * {@code collection} Bundle out with the Conditions, Flags and Provenance the service would write.
 * Stateless; needs the {@code toxgrade/grade} scope. {@code asOf} (an instant) grades as of that
 * time instead of now.
 */
@Path("/fhir")
public class GradeOperationResource {

    private final GradeOperation operation;
    private final Vertx vertx;
    private final FhirResponses responses;
    private final CurrentCaller caller;
    private final IngestSettings config;

    public GradeOperationResource(GradeOperation operation, Vertx vertx, FhirResponses responses,
            CurrentCaller caller, IngestSettings config) {
        this.operation = operation;
        this.vertx = vertx;
        this.responses = responses;
        this.caller = caller;
        this.config = config;
    }

    @POST
    @Path("$grade")
    @Consumes({FhirMediaTypes.FHIR_JSON, FhirMediaTypes.JSON})
    @Produces({FhirMediaTypes.FHIR_JSON, FhirMediaTypes.JSON})
    public Uni<Response> grade(byte[] body, @QueryParam("asOf") String asOf, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        caller.get().requireServiceScope(GrantedScopes.GRADE_OPERATION);
        RequestSizeFilter.checkBody(config, body);
        String text = BodyText.decode(body, headers.getMediaType());
        if (text.isBlank()) {
            throw IngestError.EMPTY_BODY.refuse();
        }
        Instant at = parse(asOf);
        String base = uri.getBaseUri() + "fhir/";
        return vertx.executeBlocking(() -> operation.grade(text, at, base), false)
                .map(bundle -> responses.ok(200, bundle).build());
    }

    /**
     * The same operation for clients that percent-encode the "$" (the path is matched undecoded). Hidden
     * from the OpenAPI document, which would otherwise list the operation twice.
     */
    @Operation(hidden = true)
    @POST
    @Path("%24grade")
    @Consumes({FhirMediaTypes.FHIR_JSON, FhirMediaTypes.JSON})
    @Produces({FhirMediaTypes.FHIR_JSON, FhirMediaTypes.JSON})
    public Uni<Response> gradeEncoded(byte[] body, @QueryParam("asOf") String asOf, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return grade(body, asOf, uri, headers);
    }

    private static Instant parse(String asOf) {
        if (asOf == null || asOf.isBlank()) {
            return Instant.now();
        }
        try {
            return Instant.parse(asOf);
        } catch (DateTimeParseException e) {
            throw IngestError.GRADE_AS_OF_INVALID.refuseAt("asOf");
        }
    }
}
