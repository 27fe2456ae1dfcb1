package org.toxgrade.ingest.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import java.util.TreeMap;
import org.toxgrade.fhir.FhirIds;
import org.toxgrade.ingest.BulkImport;
import org.toxgrade.ingest.IngestError;
import org.toxgrade.ingest.IngestSettings;
import org.toxgrade.security.CurrentCaller;

/**
 * {@code POST /fhir/$import}: an NDJSON file of resources (one per line) for a backfill, answered
 * {@code 202 Accepted} with the job's status URL in {@code Content-Location}, in the manner of the
 * FHIR Bulk Data kick-off. {@code GET /fhir/$import-status/{id}} answers {@code 202} with
 * {@code X-Progress} while it runs and {@code 200} with a summary when done: what was stored by type
 * and outcome, and each refused line with its number and OperationOutcome code.
 */
@Path("/fhir")
public class BulkImportResource {

    static final String NDJSON = "application/fhir+ndjson";

    private final BulkImport imports;
    private final CurrentCaller caller;
    private final IngestSettings settings;
    private final ObjectMapper mapper;

    public BulkImportResource(BulkImport imports, CurrentCaller caller, IngestSettings settings, ObjectMapper mapper) {
        this.imports = imports;
        this.caller = caller;
        this.settings = settings;
        this.mapper = mapper;
    }

    @POST
    @Path("$import")
    @Consumes({NDJSON, "application/ndjson", "application/x-ndjson"})
    public Response kickOff(byte[] body, @Context UriInfo uri, @Context HttpHeaders headers) {
        RequestSizeFilter.checkImportBody(settings, body);
        BulkImport.Job job = imports.start(caller.get(), BodyText.decode(body, headers.getMediaType()));
        return Response.accepted()
                .header("Content-Location", uri.getBaseUri() + "fhir/$import-status/" + job.id)
                .build();
    }

    /** The same kick-off for clients that percent-encode the "$". */
    @POST
    @Path("%24import")
    @Consumes({NDJSON, "application/ndjson", "application/x-ndjson"})
    public Response kickOffEncoded(byte[] body, @Context UriInfo uri, @Context HttpHeaders headers) {
        return kickOff(body, uri, headers);
    }

    @GET
    @Path("$import-status/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response status(@PathParam("id") String id) {
        FhirIds.require(id, "id");
        BulkImport.Job job = imports.status(caller.get(), id);
        return switch (job.state()) {
            case RUNNING -> Response.accepted()
                    .header("X-Progress", job.processed() + " of " + job.lines + " lines")
                    .header("Retry-After", "1").build();
            case FAILED -> throw IngestError.IMPORT_FAILED.refuse(job.id, job.processed(), job.failure().orElse("?"));
            case COMPLETED -> Response.ok(summary(job), MediaType.APPLICATION_JSON).build();
        };
    }

    @GET
    @Path("%24import-status/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response statusEncoded(@PathParam("id") String id) {
        return status(id);
    }

    private ObjectNode summary(BulkImport.Job job) {
        ObjectNode body = mapper.createObjectNode();
        body.put("transactionTime", job.requestedAt.toString());
        body.put("request", "$import");
        body.put("lines", job.lines);
        body.put("patientsDerived", job.patients());
        job.finishedAt().ifPresent(t -> body.put("finishedAt", t.toString()));
        ArrayNode output = body.putArray("output");
        Map<String, Integer> stored = new TreeMap<>(job.stored());
        stored.forEach((key, count) -> {
            String[] typeAndOutcome = key.split(" ");
            output.addObject().put("type", typeAndOutcome[0]).put("outcome", typeAndOutcome[1]).put("count", count);
        });
        ArrayNode errors = body.putArray("error");
        job.errors().stream().sorted((a, b) -> Integer.compare(a.line(), b.line())).forEach(e -> errors.addObject()
                .put("line", e.line())
                .put("status", e.error().status())
                .put("code", e.error().code().code())
                .put("diagnostics", e.error().getMessage()));
        return body;
    }
}
