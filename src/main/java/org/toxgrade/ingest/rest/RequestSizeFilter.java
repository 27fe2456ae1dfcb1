package org.toxgrade.ingest.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.toxgrade.fhir.FhirException;
import org.toxgrade.fhir.rest.FhirResponses;
import org.toxgrade.ingest.IngestError;
import org.toxgrade.ingest.IngestSettings;

/**
 * Refuses a body over the configured limit before it is read, from its Content-Length, with a 413
 * OperationOutcome (a sender needs to know to split its Bundle, not guess from a bare status).
 */
public class RequestSizeFilter {

    private final IngestSettings config;
    private final FhirResponses responses;

    public RequestSizeFilter(IngestSettings config, FhirResponses responses) {
        this.config = config;
        this.responses = responses;
    }

    @ServerRequestFilter(preMatching = true)
    public Response refuseOversizedBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return null;
        }
        try {
            long size = Long.parseLong(length.trim());
            // A bulk import is a file, not a request of the live feed: it has its own limit.
            if (isImport(request.getUriInfo().getPath())) {
                return size > config.importMaxBodySize().asLongValue() ? responses.error(importTooLarge(config)) : null;
            }
            if (size > config.maxBodySize().asLongValue()) {
                return responses.error(tooLarge(config));
            }
        } catch (NumberFormatException e) {
            return responses.error(IngestError.CONTENT_LENGTH_NOT_A_NUMBER.refuse());
        }
        return null;
    }

    static boolean isImport(String path) {
        return path.endsWith("/$import") || path.endsWith("/%24import");
    }

    /** Backstop for bodies sent without Content-Length (chunked), once read; the limit is in bytes. */
    static void checkBody(IngestSettings config, byte[] body) {
        if (body != null && body.length > config.maxBodySize().asLongValue()) {
            throw tooLarge(config);
        }
    }

    /** The same backstop for a {@code $import} file, against its own limit. */
    static void checkImportBody(IngestSettings config, byte[] body) {
        if (body != null && body.length > config.importMaxBodySize().asLongValue()) {
            throw importTooLarge(config);
        }
    }

    static FhirException importTooLarge(IngestSettings config) {
        return IngestError.IMPORT_TOO_LARGE.refuse(config.importMaxBodySize().asLongValue());
    }

    static FhirException tooLarge(IngestSettings config) {
        return IngestError.BODY_TOO_LARGE.refuse(config.maxBodySize().asLongValue());
    }
}
