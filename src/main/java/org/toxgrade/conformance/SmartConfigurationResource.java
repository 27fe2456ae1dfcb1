package org.toxgrade.conformance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.toxgrade.security.BearerTokenFilter;
import org.toxgrade.security.SmartSettings;

/**
 * SMART discovery ({@code /.well-known/smart-configuration}, at the server root and under the FHIR base):
 * where to get a token for this service and how, without a token. Built from {@link SmartSettings} and
 * the scopes the service understands.
 */
@Path(BearerTokenFilter.SMART_CONFIGURATION)
public class SmartConfigurationResource {

    private final SmartSettings settings;
    private final ObjectMapper mapper;

    public SmartConfigurationResource(SmartSettings settings, ObjectMapper mapper) {
        this.settings = settings;
        this.mapper = mapper;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response document() {
        String tokenEndpoint = settings.tokenEndpoint()
                .orElseThrow(() -> ConformanceError.SMART_NOT_CONFIGURED.refuse());
        ObjectNode body = mapper.createObjectNode();
        settings.issuer().ifPresent(issuer -> body.put("issuer", issuer));
        settings.jwksUri().ifPresent(uri -> body.put("jwks_uri", uri));
        body.put("token_endpoint", tokenEndpoint);
        array(body, "grant_types_supported", settings.grantTypes());
        array(body, "token_endpoint_auth_methods_supported", settings.tokenEndpointAuthMethods());
        array(body, "token_endpoint_auth_signing_alg_values_supported", settings.tokenEndpointAuthSigningAlgValues());
        array(body, "scopes_supported", ServiceScopes.supported());
        array(body, "capabilities", settings.capabilities());
        return Response.ok(body).type(MediaType.APPLICATION_JSON).build();
    }

    /**
     * The same document under the FHIR base, where SMART clients given only the base look for it. A class of
     * its own: a method path under "/" would lose {@code /fhir/...} to the resources at /fhir.
     */
    @Path("/fhir" + BearerTokenFilter.SMART_CONFIGURATION)
    public static class AtFhirBase {

        private final SmartConfigurationResource root;

        public AtFhirBase(SmartConfigurationResource root) {
            this.root = root;
        }

        @GET
        @Produces(MediaType.APPLICATION_JSON)
        public Response document() {
            return root.document();
        }
    }

    private static void array(ObjectNode body, String name, List<String> values) {
        values.forEach(body.putArray(name)::add);
    }
}
