package org.toxgrade.ingest.rest;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Date;
import org.hl7.fhir.r4.model.Resource;
import org.toxgrade.fhir.FhirJson;
import org.toxgrade.fhir.FhirMediaTypes;
import org.toxgrade.fhir.OperationOutcomes;
import org.toxgrade.fhir.rest.ETags;
import org.toxgrade.fhir.rest.FhirResponses;
import org.toxgrade.fhir.rest.ReadShapes;
import org.toxgrade.ingest.ConditionalQuery;
import org.toxgrade.ingest.IngestError;
import org.toxgrade.ingest.IngestService;
import org.toxgrade.ingest.IngestSettings;
import org.toxgrade.ingest.Precondition;
import org.toxgrade.ingest.StoredResourceReader;
import org.toxgrade.ingest.UnknownCodeWarnings;
import org.toxgrade.ingest.WriteOutcome;
import org.toxgrade.security.CurrentCaller;
import org.toxgrade.security.Permission;

/**
 * The FHIR write side: batch/transaction Bundles at the base, create and update per type, and read
 * of what was received. Bodies are read whole (non-blocking), decoded strictly ({@link BodyText}) and
 * handed to the ingest service.
 *
 * <p>Codes the service does not know (TG-INGEST-101 warnings, docs/clinical-rules.md section 8) are told to
 * the sender where FHIR has room for an OperationOutcome: in every batch or transaction entry's
 * {@code response.outcome}, and for a single create or update when the sender asks for
 * {@code Prefer: return=OperationOutcome} (FHIR: "hints and warnings about the operation"). The
 * default answer is the resource itself, and {@code return=minimal} has no body, so neither carries
 * the warning; the codes are counted in {@code toxgrade_facts_unknown_codes_total} either way.
 */
@Path("/fhir")
@Produces({FhirMediaTypes.FHIR_JSON, FhirMediaTypes.JSON})
public class FhirIngestResource {

    private final IngestService ingest;
    private final StoredResourceReader reader;
    private final FhirResponses responses;
    private final IngestSettings config;
    private final CurrentCaller caller;
    private final FhirJson json;

    public FhirIngestResource(IngestService ingest, StoredResourceReader reader, FhirResponses responses,
            IngestSettings config, CurrentCaller caller, FhirJson json) {
        this.json = json;
        this.caller = caller;
        this.ingest = ingest;
        this.reader = reader;
        this.responses = responses;
        this.config = config;
    }

    @POST
    @Consumes({FhirMediaTypes.FHIR_JSON, FhirMediaTypes.JSON})
    public Uni<Response> transactionOrBatch(byte[] body, @HeaderParam("Prefer") String prefer,
            @Context HttpHeaders headers) {
        RequestSizeFilter.checkBody(config, body);
        return ingest.bundle(caller.get(), BodyText.decode(body, headers.getMediaType()), Prefer.strict(prefer))
                .map(result -> responses.ok(200, BundleResponses.of(result)).build());
    }

    @POST
    @Path("{type: [A-Z][A-Za-z]+}")
    @Consumes({FhirMediaTypes.FHIR_JSON, FhirMediaTypes.JSON})
    public Uni<Response> create(@PathParam("type") String type, byte[] body, @HeaderParam("Prefer") String prefer,
            @HeaderParam("If-None-Exist") String ifNoneExist, @Context UriInfo uri, @Context HttpHeaders headers) {
        RequestSizeFilter.checkBody(config, body);
        Precondition condition = ifNoneExist == null
                ? Precondition.NONE
                : Precondition.ifNoneExist(ConditionalQuery.identifier("If-None-Exist",
                        ConditionalQuery.parse(ifNoneExist)));
        return ingest.write(caller.get(), BodyText.decode(body, headers.getMediaType()), type, null, condition,
                Prefer.strict(prefer))
                .map(outcome -> answer(outcome, Prefer.of(prefer), uri));
    }

    /** Conditional update: {@code PUT [type]?identifier=system|value}. */
    @PUT
    @Path("{type: [A-Z][A-Za-z]+}")
    @Consumes({FhirMediaTypes.FHIR_JSON, FhirMediaTypes.JSON})
    public Uni<Response> conditionalUpdate(@PathParam("type") String type, byte[] body,
            @HeaderParam("Prefer") String prefer, @Context UriInfo uri, @Context HttpHeaders headers) {
        RequestSizeFilter.checkBody(config, body);
        Precondition.Identifier identifier = ConditionalQuery.identifier("conditional update",
                uri.getQueryParameters());
        return ingest.conditionalUpdate(caller.get(), BodyText.decode(body, headers.getMediaType()), type, identifier,
                Prefer.strict(prefer))
                .map(outcome -> answer(outcome, Prefer.of(prefer), uri));
    }

    @PUT
    @Path("{type: [A-Z][A-Za-z]+}/{id}")
    @Consumes({FhirMediaTypes.FHIR_JSON, FhirMediaTypes.JSON})
    public Uni<Response> update(@PathParam("type") String type, @PathParam("id") String id, byte[] body,
            @HeaderParam("Prefer") String prefer, @HeaderParam("If-Match") String ifMatch, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        RequestSizeFilter.checkBody(config, body);
        Precondition condition = Precondition.NONE;
        if (ifMatch != null) {
            Integer version = ETags.version(ifMatch);
            if (version == null) {
                throw IngestError.IF_MATCH_INVALID.refuseAt("If-Match");
            }
            condition = Precondition.ifMatch(version);
        }
        return ingest.write(caller.get(), BodyText.decode(body, headers.getMediaType()), type, id, condition,
                Prefer.strict(prefer))
                .map(outcome -> answer(outcome, Prefer.of(prefer), uri));
    }

    @GET
    @Path("{type: [A-Z][A-Za-z]+}/{id}")
    public Uni<Response> read(@PathParam("type") String type, @PathParam("id") String id,
            @HeaderParam("If-None-Match") String ifNoneMatch, @Context UriInfo uri) {
        FhirJson.Shape shape = shape(type, uri);
        return reader.read(caller.get(), type, id, null).map(resource -> readAnswer(resource, ifNoneMatch, shape));
    }

    @GET
    @Path("{type: [A-Z][A-Za-z]+}/{id}/_history/{version}")
    public Uni<Response> vread(@PathParam("type") String type, @PathParam("id") String id,
            @PathParam("version") String version, @HeaderParam("If-None-Match") String ifNoneMatch,
            @Context UriInfo uri) {
        FhirJson.Shape shape = shape(type, uri);
        int versionId;
        try {
            versionId = Integer.parseInt(version);
        } catch (NumberFormatException e) {
            throw IngestError.READ_VERSION_NOT_A_NUMBER.refuse();
        }
        return reader.read(caller.get(), type, id, versionId)
                .map(resource -> readAnswer(resource, ifNoneMatch, shape));
    }

    /** {@code _elements}, {@code _summary} and the like, read once the caller may read the type at all. */
    private FhirJson.Shape shape(String type, UriInfo uri) {
        caller.get().require(type, Permission.R);
        return ReadShapes.parse(json.context(), type, uri.getQueryParameters());
    }

    /** The resource, or 304 without a body when the client's copy ({@code If-None-Match}) is this version. */
    private Response readAnswer(Resource resource, String ifNoneMatch, FhirJson.Shape shape) {
        Response.ResponseBuilder builder = ETags.noneMatchHolds(ifNoneMatch, resource.getMeta().getVersionId())
                ? Response.notModified()
                : responses.ok(200, resource, shape);
        return builder
                .tag(new EntityTag(resource.getMeta().getVersionId(), true))
                .lastModified(resource.getMeta().getLastUpdated())
                .build();
    }

    private Response answer(WriteOutcome outcome, Prefer prefer, UriInfo uri) {
        Resource resource = outcome.write().resource();
        resource.getMeta().setVersionId(Integer.toString(outcome.versionId()));
        resource.getMeta().setLastUpdated(Date.from(outcome.lastUpdated().toInstant()));
        // A conditional create that found its resource answers what it found, not the body it was sent.
        Prefer shown = outcome.kind() == WriteOutcome.Kind.EXISTING && prefer == Prefer.REPRESENTATION
                ? Prefer.OPERATION_OUTCOME
                : prefer;
        Response.ResponseBuilder builder = switch (shown) {
            case MINIMAL -> Response.status(outcome.httpStatus());
            case OPERATION_OUTCOME -> responses.ok(outcome.httpStatus(),
                    UnknownElementWarnings.addTo(UnknownCodeWarnings.of(outcome.write().facts()).addTo(
                            OperationOutcomes.information(IngestError.WRITE_DONE, IngestError.WRITE_DONE.message(
                                    outcome.kind().name().toLowerCase(), outcome.location()))),
                            outcome.write().unknownElements()));
            case REPRESENTATION -> responses.ok(outcome.httpStatus(), resource);
        };
        return builder
                .location(URI.create(uri.getBaseUri() + "fhir/" + outcome.location()))
                .header("ETag", outcome.etag())
                .lastModified(Date.from(outcome.lastUpdated().toInstant()))
                .build();
    }
}
