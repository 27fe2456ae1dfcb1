package org.toxgrade.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import org.toxgrade.signin.LocalAuthority;

/**
 * {@code GET /app/config}: what the page needs before anyone signs in (open, no patient data): its client id,
 * the authorization and token endpoints, the scopes to ask for, the FHIR base and the EHRs allowed to launch it.
 */
@Path("/app/config")
public class AppConfigResource {

    private final UiSettings settings;
    private final LocalAuthority local;
    private final ObjectMapper mapper;

    public AppConfigResource(UiSettings settings, LocalAuthority local, ObjectMapper mapper) {
        this.settings = settings;
        this.local = local;
        this.mapper = mapper;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode config(@Context UriInfo uri) {
        URI base = uri.getBaseUri();
        boolean useLocal = settings.authorizationEndpoint().isEmpty() && local.available();
        ObjectNode body = mapper.createObjectNode()
                .put("clientId", useLocal ? local.clientId() : settings.clientId())
                .put("scope", settings.scope())
                .put("fhirBase", base.resolve("fhir").toString())
                .put("apiBase", base.toString())
                .put("localSignIn", useLocal)
                .put("worklistRefreshSeconds", settings.worklistRefresh().toSeconds());
        String authorize = useLocal
                ? LocalAuthority.authorizationEndpoint(base)
                : settings.authorizationEndpoint().orElse(null);
        String token = useLocal ? LocalAuthority.tokenEndpoint(base) : settings.tokenEndpoint().orElse(null);
        body.put("authorizationEndpoint", authorize);
        body.put("tokenEndpoint", token);
        ArrayNode issuers = body.putArray("launchIssuers").add(base.resolve("fhir").toString());
        settings.launchIssuers().orElse(List.of()).forEach(issuers::add);
        return body;
    }
}
