package org.toxgrade.conformance;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.toxgrade.fhir.FhirMediaTypes;
import org.toxgrade.fhir.rest.FhirResponses;

/** {@code GET /fhir/metadata}: what this server really supports, no more. */
@Path("/fhir/metadata")
public class CapabilityStatementResource {

    private final FhirResponses responses;
    private final CapabilityStatement statement;

    public CapabilityStatementResource(FhirResponses responses, CapabilityStatementFactory factory) {
        this.responses = responses;
        this.statement = factory.build();
    }

    @GET
    @Produces({FhirMediaTypes.FHIR_JSON, FhirMediaTypes.JSON})
    public Response metadata() {
        return responses.ok(200, statement).build();
    }
}
