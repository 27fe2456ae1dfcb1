package org.toxgrade.fhir.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.toxgrade.fhir.FhirError;
import org.toxgrade.fhir.Utf16;

/**
 * Refuses a request whose decoded path or query holds a control character or an unpaired surrogate,
 * before any endpoint sees it: PostgreSQL takes no NUL in text, so such a value reaching a query failed
 * every read with a 500, and no id or search value of FHIR holds one. One check for every endpoint,
 * including those added later; ids are further held to the FHIR id rule where they are read.
 */
public class UrlTextFilter {

    private final FhirResponses responses;

    public UrlTextFilter(FhirResponses responses) {
        this.responses = responses;
    }

    @ServerRequestFilter(preMatching = true)
    public Response refuseControlCharacters(ContainerRequestContext request) {
        UriInfo uri = request.getUriInfo();
        if (isText(uri.getPath()) && isText(uri.getQueryParameters())) {
            return null;
        }
        return responses.error(FhirError.URL_NOT_TEXT.refuse());
    }

    private static boolean isText(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (!isText(parameter.getKey())) {
                return false;
            }
            for (String value : parameter.getValue()) {
                if (!isText(value)) {
                    return false;
                }
            }
        }
        return true;
    }

    static boolean isText(String value) {
        if (value == null) {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                return false;
            }
        }
        return !Utf16.hasUnpairedSurrogate(value);
    }
}
