package org.toxgrade.fhir.rest;

import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.toxgrade.fhir.FhirException;
import org.toxgrade.fhir.FhirJson;
import org.toxgrade.fhir.FhirMediaTypes;
import org.toxgrade.fhir.OperationOutcomes;

/** Turns resources and refusals into HTTP answers with the FHIR JSON media type. */
@Singleton
public class FhirResponses {

    private final FhirJson json;

    public FhirResponses(FhirJson json) {
        this.json = json;
    }

    public Response.ResponseBuilder ok(int status, IBaseResource resource) {
        return Response.status(status).type(FhirMediaTypes.FHIR_JSON_UTF8).entity(json.encode(resource));
    }

    public Response.ResponseBuilder ok(int status, IBaseResource resource, FhirJson.Shape shape) {
        return Response.status(status).type(FhirMediaTypes.FHIR_JSON_UTF8).entity(json.encode(resource, shape));
    }

    public Response error(FhirException e) {
        Response.ResponseBuilder builder = ok(e.status(), OperationOutcomes.of(e));
        if (e.status() == 503) {
            builder.header("Retry-After", "5");
        }
        return builder.build();
    }
}
