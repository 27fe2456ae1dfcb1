package org.toxgrade.conformance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import org.toxgrade.security.BearerTokenFilter;
import org.toxgrade.security.SmartSettings;
import org.toxgrade.signin.LocalAuthority;

/**
 * SMART discovery ({@code /.well-known/smart-configuration}, at the server root and under the FHIR base):
 * where to get a token for this service and how, without a token. Built from {@link SmartSettings} and
 * the scopes the service understands.
 */
@Path(BearerTokenFilter.SMART_CONFIGURATION)
public class SmartConfigurationResource {

    private final SmartSettings settings;
    private final LocalAuthority local;
    private final ObjectMapper mapper;

    public SmartConfigurationResource(SmartSettings settings, LocalAuthority local, ObjectMapper mapper) {
        this.settings = settings;
        this.local = local;
        this.mapper = mapper;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response document(@Context UriInfo uri) {
        if (settings.tokenEndpoint().isEmpty()) {
            if (local.available()) {
                return Response.ok(localDocument(uri.getBaseUri())).type(MediaType.APPLICATION_JSON).build();
            }
            throw ConformanceError.SMART_NOT_CONFIGURED.refuse();
        }
        String tokenEndpoint = settings.tokenEndpoint().get();
        ObjectNode body = mapper.createObjectNode();
        settings.issuer().ifPresent(issuer -> body.put("issuer", issuer));
        settings.jwksUri().ifPresent(jwks -> body.put("jwks_uri", jwks));
        settings.authorizationEndpoint().ifPresent(endpoint -> {
            body.put("authorization_endpoint", endpoint);
            body.putArray("code_challenge_methods_supported").add("S256");
        });
        body.put("token_endpoint", tokenEndpoint);
        array(body, "grant_types_supported", settings.grantTypes());
        array(body, "token_endpoint_auth_methods_supported", settings.tokenEndpointAuthMethods());
        array(body, "token_endpoint_auth_signing_alg_values_supported", settings.tokenEndpointAuthSigningAlgValues());
        array(body, "scopes_supported", ServiceScopes.supported());
        array(body, "capabilities", settings.capabilities());
        return Response.ok(body).type(MediaType.APPLICATION_JSON).build();
    }

    /**
     * Local runs without a configured authorization server: the service's own local sign-in, for the web page
     * (SMART App Launch 2.0: a public client, authorization code with PKCE S256, EHR and standalone launch).
     */
    private ObjectNode localDocument(URI base) {
        ObjectNode body = mapper.createObjectNode();
        body.put("authorization_endpoint", LocalAuthority.authorizationEndpoint(base));
        body.put("token_endpoint", LocalAuthority.tokenEndpoint(base));
        body.putArray("grant_types_supported").add("authorization_code");
        body.putArray("response_types_supported").add("code");
        body.putArray("code_challenge_methods_supported").add("S256");
        body.putArray("token_endpoint_auth_methods_supported").add("none");
        array(body, "scopes_supported", local.grantableScopes());
        array(body, "capabilities", List.of("launch-ehr", "launch-standalone", "client-public",
                "context-ehr-patient", "permission-v2", "permission-user"));
        return body;
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
        public Response document(@Context UriInfo uri) {
            return root.document(uri);
        }
    }

    private static void array(ObjectNode body, String name, List<String> values) {
        values.forEach(body.putArray(name)::add);
    }
}
