package org.toxgrade.results;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DomainResource;
import org.toxgrade.fhir.FhirIds;
import org.toxgrade.fhir.FhirJson;
import org.toxgrade.fhir.FhirMediaTypes;
import org.toxgrade.fhir.rest.FhirResponses;
import org.toxgrade.patient.DerivedResourceRow;
import org.toxgrade.security.Caller;
import org.toxgrade.security.CurrentCaller;
import org.toxgrade.security.Permission;

/**
 * The read API over derived results, for clinical decision support: search and read of the
 * Conditions (CRS, ICANS) and neurotoxicity Flags. Every read is in the audit trail.
 */
@Path("/fhir")
@Produces({FhirMediaTypes.FHIR_JSON, FhirMediaTypes.JSON})
public class ResultsResource {

    private static final int MAX_COUNT = 500;

    private final ResultReads reads;
    private final FhirJson json;
    private final FhirResponses responses;
    private final CurrentCaller caller;
    private final Vertx vertx;

    public ResultsResource(ResultReads reads, FhirJson json, FhirResponses responses, CurrentCaller caller,
            Vertx vertx) {
        this.reads = reads;
        this.json = json;
        this.responses = responses;
        this.caller = caller;
        this.vertx = vertx;
    }

    @GET
    @Path("Condition")
    public Uni<Response> searchConditions(@QueryParam("patient") String patient, @QueryParam("status") String status,
            @QueryParam("clinical-status") String clinicalStatus, @QueryParam("_lastUpdated") List<String> lastUpdated,
            @QueryParam("_count") Integer count, @Context UriInfo uri) {
        return searchType(uri, "Condition", patient, status != null ? status : clinicalStatus, lastUpdated, count);
    }

    @GET
    @Path("Flag")
    public Uni<Response> searchFlags(@QueryParam("patient") String patient, @QueryParam("status") String status,
            @QueryParam("_lastUpdated") List<String> lastUpdated, @QueryParam("_count") Integer count,
            @Context UriInfo uri) {
        return searchType(uri, "Flag", patient, status, lastUpdated, count);
    }

    @GET
    @Path("Condition/{id}")
    public Uni<Response> readCondition(@PathParam("id") String id) {
        return read("Condition", id);
    }

    @GET
    @Path("Flag/{id}")
    public Uni<Response> readFlag(@PathParam("id") String id) {
        return read("Flag", id);
    }

    private Uni<Response> searchType(UriInfo uri, String type, String patient, String status, List<String> lastUpdated,
            Integer count) {
        Caller who = caller.get();
        who.require(type, Permission.S);
        String patientRef = patient == null ? null : "Patient/" + FhirIds.require(patientId(patient), "patient");
        List<ResultSearch.Bound> bounds = bounds(lastUpdated);
        int limit = count == null ? 100 : Math.max(1, Math.min(count, MAX_COUNT));
        return reads.search(who, type, patientRef, status, bounds, limit)
                .chain(rows -> vertx.executeBlocking(() -> searchset(rows, uri.getBaseUri() + "fhir/"), false))
                .map(bundle -> responses.ok(200, bundle).build());
    }

    private Uni<Response> read(String type, String id) {
        Caller who = caller.get();
        who.require(type, Permission.R);
        FhirIds.require(id, "id");
        return reads.read(who, type, id)
                .chain(row -> {
                    if (row == null) {
                        return Uni.createFrom().failure(ResultError.NO_SUCH_RESULT.refuse(type));
                    }
                    return vertx.executeBlocking(() -> resource(row), false);
                })
                .map(resource -> responses.ok(200, resource)
                        .tag(new EntityTag(resource.getMeta().getVersionId(), true))
                        .lastModified(resource.getMeta().getLastUpdated())
                        .build());
    }

    /** {@code patient} is a reference, {@code Patient/x}, or the id alone. */
    private static String patientId(String patient) {
        return patient.startsWith("Patient/") ? patient.substring("Patient/".length()) : patient;
    }

    private Bundle searchset(List<DerivedResourceRow> rows, String fhirBase) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        for (DerivedResourceRow row : rows) {
            bundle.addEntry().setFullUrl(fhirBase + row.resourceType + "/" + row.resourceId).setResource(resource(row))
                    .getSearch().setMode(Bundle.SearchEntryMode.MATCH);
        }
        bundle.setTotal(rows.size());
        return bundle;
    }

    private DomainResource resource(DerivedResourceRow row) {
        DomainResource resource = (DomainResource) json.parse(row.resourceJson);
        resource.setId(row.resourceType + "/" + row.resourceId);
        resource.getMeta().setVersionId(Integer.toString(row.versionId));
        resource.getMeta().setLastUpdated(Date.from(row.lastUpdated.toInstant()));
        return resource;
    }

    private static List<ResultSearch.Bound> bounds(List<String> values) {
        List<ResultSearch.Bound> bounds = new ArrayList<>();
        if (values == null) {
            return bounds;
        }
        for (String value : values) {
            String prefix = value.length() > 2 && value.substring(0, 2).matches("gt|ge|lt|le|eq")
                    ? value.substring(0, 2)
                    : "eq";
            String instant = prefix.equals("eq") && !value.startsWith("eq") ? value : value.substring(2);
            try {
                bounds.add(new ResultSearch.Bound(prefix, OffsetDateTime.parse(instant)));
            } catch (DateTimeParseException e) {
                throw ResultError.LAST_UPDATED_INVALID.refuseAt("_lastUpdated");
            }
        }
        return bounds;
    }
}
