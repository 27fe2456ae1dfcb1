package org.toxgrade.results;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DomainResource;
import org.toxgrade.fhir.FhirIds;
import org.toxgrade.fhir.FhirJson;
import org.toxgrade.fhir.FhirMediaTypes;
import org.toxgrade.fhir.rest.ETags;
import org.toxgrade.fhir.rest.FhirResponses;
import org.toxgrade.fhir.rest.ReadShapes;
import org.toxgrade.patient.DerivedResourceRow;
import org.toxgrade.security.Caller;
import org.toxgrade.security.CurrentCaller;
import org.toxgrade.security.IdHasher;
import org.toxgrade.security.Permission;

/**
 * The read API over derived results, for clinical decision support: search and read of the
 * Conditions (CRS, ICANS) and neurotoxicity Flags. Searches take the parameters of
 * {@link ResultSearchParameters} and page by cursor ({@code self}, {@code next}, {@code previous}
 * links). Every read is in the audit trail.
 */
@Path("/fhir")
@Produces({FhirMediaTypes.FHIR_JSON, FhirMediaTypes.JSON})
public class ResultsResource {

    private final ResultReads reads;
    private final FhirJson json;
    private final FhirResponses responses;
    private final CurrentCaller caller;
    private final Vertx vertx;
    private final ResultQueryParser parser;
    private final IdHasher ids;

    public ResultsResource(ResultReads reads, FhirJson json, FhirResponses responses, CurrentCaller caller,
            Vertx vertx, IdHasher ids) {
        this.ids = ids;
        this.reads = reads;
        this.json = json;
        this.responses = responses;
        this.caller = caller;
        this.vertx = vertx;
        this.parser = new ResultQueryParser(json.context());
    }

    @GET
    @Path("Condition")
    public Uni<Response> searchConditions(@Context UriInfo uri) {
        return searchType(uri, "Condition");
    }

    @GET
    @Path("Flag")
    public Uni<Response> searchFlags(@Context UriInfo uri) {
        return searchType(uri, "Flag");
    }

    @GET
    @Path("Condition/{id}")
    public Uni<Response> readCondition(@PathParam("id") String id, @HeaderParam("If-None-Match") String ifNoneMatch,
            @Context UriInfo uri) {
        return read("Condition", id, ifNoneMatch, uri);
    }

    @GET
    @Path("Flag/{id}")
    public Uni<Response> readFlag(@PathParam("id") String id, @HeaderParam("If-None-Match") String ifNoneMatch,
            @Context UriInfo uri) {
        return read("Flag", id, ifNoneMatch, uri);
    }

    private Uni<Response> searchType(UriInfo uri, String type) {
        Caller who = caller.get();
        who.require(type, Permission.S);
        ResultQuery query = parser.parse(type, uri.getQueryParameters());
        return reads.search(who, query, audited(uri))
                .chain(found -> vertx.executeBlocking(() -> searchset(found, query, uri), false))
                .map(bundle -> responses.ok(200, bundle, shape(query)).build());
    }

    /** The result, or 304 without a body when the client's copy ({@code If-None-Match}) is this version. */
    private Uni<Response> read(String type, String id, String ifNoneMatch, UriInfo uri) {
        Caller who = caller.get();
        who.require(type, Permission.R);
        FhirIds.require(id, "id");
        FhirJson.Shape shape = ReadShapes.parse(json.context(), type, uri.getQueryParameters());
        return reads.read(who, type, id)
                .chain(row -> {
                    if (row == null) {
                        return Uni.createFrom().failure(ResultError.NO_SUCH_RESULT.refuse(type));
                    }
                    return vertx.executeBlocking(() -> resource(row), false);
                })
                .map(resource -> (ETags.noneMatchHolds(ifNoneMatch, resource.getMeta().getVersionId())
                        ? Response.notModified()
                        : responses.ok(200, resource, shape))
                        .tag(new EntityTag(resource.getMeta().getVersionId(), true))
                        .lastModified(resource.getMeta().getLastUpdated())
                        .build());
    }

    private Bundle searchset(ResultReads.Found found, ResultQuery query, UriInfo uri) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        if (found.total() != null) {
            bundle.setTotal(found.total().intValue());
        }
        bundle.addLink().setRelation("self").setUrl(uri.getRequestUri().toString());
        ResultSearch.Page page = found.page();
        String fhirBase = uri.getBaseUri() + "fhir/";
        if (!page.rows().isEmpty()) {
            if (page.hasNext()) {
                DerivedResourceRow last = page.rows().get(page.rows().size() - 1);
                bundle.addLink().setRelation("next")
                        .setUrl(pageUrl(uri, new PageCursor(true, last.lastUpdated, last.resourceId)));
            }
            if (page.hasPrevious()) {
                DerivedResourceRow first = page.rows().get(0);
                bundle.addLink().setRelation("previous")
                        .setUrl(pageUrl(uri, new PageCursor(false, first.lastUpdated, first.resourceId)));
            }
        }
        for (DerivedResourceRow row : page.rows()) {
            bundle.addEntry().setFullUrl(fhirBase + row.resourceType + "/" + row.resourceId).setResource(resource(row))
                    .getSearch().setMode(Bundle.SearchEntryMode.MATCH);
        }
        return bundle;
    }

    /**
     * The query as the audit trail keeps it: every parameter as given, in order, but identifier values
     * (record numbers and the like) as keyed hashes, which still show two searches asked for the same.
     */
    private String audited(UriInfo uri) {
        StringBuilder query = new StringBuilder();
        uri.getQueryParameters().forEach((name, values) -> values.forEach(value -> {
            if (query.length() > 0) {
                query.append('&');
            }
            String shown = name.equals("identifier") ? hashedIdentifiers(value) : value;
            query.append(name).append('=').append(shown);
        }));
        return query.toString();
    }

    private String hashedIdentifiers(String value) {
        StringBuilder out = new StringBuilder();
        for (String token : ResultQueryParser.alternatives(value)) {
            int bar = token.indexOf('|');
            out.append(out.length() > 0 ? "," : "").append(token, 0, bar + 1)
                    .append("#").append(ids.hash(token.substring(bar + 1)));
        }
        return out.toString();
    }

    /** The same search with another page cursor: the links carry every parameter of the request. */
    private static String pageUrl(UriInfo uri, PageCursor cursor) {
        return uri.getRequestUriBuilder().replaceQueryParam("_page", cursor.token()).build().toString();
    }

    private static FhirJson.Shape shape(ResultQuery query) {
        Set<String> elements = new LinkedHashSet<>();
        query.elements().forEach(e -> elements.add(query.type() + "." + e));
        return new FhirJson.Shape(elements, query.summary() == ResultQuery.Summary.TRUE,
                query.summary() == ResultQuery.Summary.DATA, query.pretty(), true);
    }

    private DomainResource resource(DerivedResourceRow row) {
        DomainResource resource = (DomainResource) json.parse(row.resourceJson);
        resource.setId(row.resourceType + "/" + row.resourceId);
        resource.getMeta().setVersionId(Integer.toString(row.versionId));
        resource.getMeta().setLastUpdated(Date.from(row.lastUpdated.toInstant()));
        return resource;
    }
}
