package org.toxgrade.audit;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.hl7.fhir.r4.model.Bundle;
import org.toxgrade.fhir.FhirMediaTypes;
import org.toxgrade.fhir.rest.FhirResponses;
import org.toxgrade.security.CurrentCaller;
import org.toxgrade.security.Permission;

/**
 * {@code GET /fhir/AuditEvent?_since=...&agent=...&_count=...}: the audit trail for operators, as a
 * searchset Bundle, newest first. Needs {@code system/AuditEvent.rs} (or {@code .s}).
 */
@Path("/fhir/AuditEvent")
public class AuditEventResource {

    private final AuditTrail trail;
    private final FhirResponses responses;
    private final CurrentCaller caller;

    public AuditEventResource(AuditTrail trail, FhirResponses responses, CurrentCaller caller) {
        this.trail = trail;
        this.responses = responses;
        this.caller = caller;
    }

    @GET
    @Produces({FhirMediaTypes.FHIR_JSON, FhirMediaTypes.JSON})
    public Uni<Response> search(@QueryParam("_since") String since, @QueryParam("agent") String agent,
            @QueryParam("_count") String count, @Context UriInfo uri) {
        caller.get().require("AuditEvent", Permission.S);
        for (String name : uri.getQueryParameters().keySet()) {
            if (!AuditSearchParameters.knows(name)) {
                String shown = name.length() <= 64 ? name : name.substring(0, 64) + "...";
                throw AuditError.UNKNOWN_PARAMETER.refuseAt(shown, shown);
            }
        }
        OffsetDateTime from = parseInstant(since);
        if (count != null && !count.matches("[1-9][0-9]{0,8}")) {
            throw AuditError.COUNT_INVALID.refuseAt("_count");
        }
        int limit = count == null ? 100 : Math.min(Integer.parseInt(count), AuditSearchParameters.MAX_COUNT);
        return trail.find(from, agent, limit).map(rows -> {
            Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
            rows.forEach(row -> bundle.addEntry().setFullUrl(uri.getBaseUri() + "fhir/AuditEvent/" + row.pk)
                    .setResource(AuditEvents.of(row))
                    .getSearch().setMode(Bundle.SearchEntryMode.MATCH));
            bundle.setTotal(rows.size());
            return responses.ok(200, bundle).build();
        });
    }

    private static OffsetDateTime parseInstant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw AuditError.SINCE_INVALID.refuseAt("_since");
        }
    }
}
