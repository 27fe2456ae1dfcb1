package org.toxgrade.signin.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import org.toxgrade.fhir.FhirException;
import org.toxgrade.signin.LocalAuthority;
import org.toxgrade.signin.SignInError;

/**
 * The local sign-in's endpoints: {@code GET /auth/authorize} checks the authorization request and shows the
 * sign-in form, {@code POST /auth/authorize} checks the request again (the form's hidden fields are not
 * trusted) and the credentials, then redirects to the page with a one-time code; {@code POST /auth/token}
 * exchanges the code and the PKCE verifier for an access token. No bearer token is needed to reach them.
 */
@Path("/auth")
public class LocalSignInResource {

    private static final String[] FIELDS = {"response_type", "client_id", "redirect_uri", "scope", "state",
            "code_challenge", "code_challenge_method", "aud", "launch"};

    private final LocalAuthority authority;
    private final ObjectMapper mapper;

    public LocalSignInResource(LocalAuthority authority, ObjectMapper mapper) {
        this.authority = authority;
        this.mapper = mapper;
    }

    @GET
    @Path("/authorize")
    @Produces(MediaType.TEXT_HTML)
    public Response form(@QueryParam("response_type") String responseType, @QueryParam("client_id") String clientId,
            @QueryParam("redirect_uri") String redirectUri, @QueryParam("scope") String scope,
            @QueryParam("state") String state, @QueryParam("code_challenge") String challenge,
            @QueryParam("code_challenge_method") String method, @QueryParam("aud") String aud,
            @QueryParam("launch") String launch, @Context UriInfo uri) {
        authority.check(uri.getBaseUri(), responseType, clientId, redirectUri, scope, state, challenge, method, aud,
                launch);
        String[] values = {responseType, clientId, redirectUri, scope, state, challenge, method, aud, launch};
        return Response.ok(SignInPage.html(FIELDS, values, authority.user(), null)).build();
    }

    @POST
    @Path("/authorize")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response signIn(@FormParam("response_type") String responseType, @FormParam("client_id") String clientId,
            @FormParam("redirect_uri") String redirectUri, @FormParam("scope") String scope,
            @FormParam("state") String state, @FormParam("code_challenge") String challenge,
            @FormParam("code_challenge_method") String method, @FormParam("aud") String aud,
            @FormParam("launch") String launch, @FormParam("username") String username,
            @FormParam("password") String password, @Context UriInfo uri) {
        LocalAuthority.Request request = authority.check(uri.getBaseUri(), responseType, clientId, redirectUri, scope,
                state, challenge, method, aud, launch);
        String code;
        try {
            code = authority.signIn(request, username, password);
        } catch (FhirException e) {
            String[] values = {responseType, clientId, redirectUri, scope, state, challenge, method, aud, launch};
            return Response.status(SignInError.WRONG_CREDENTIALS.status())
                    .entity(SignInPage.html(FIELDS, values, username, SignInError.WRONG_CREDENTIALS.message()))
                    .build();
        }
        // 303: the browser follows with a GET to the page (RFC 9110 section 15.4.4).
        return Response.seeOther(UriBuilder.fromUri(request.redirectUri()).queryParam("code", code)
                .queryParam("state", request.state()).build()).build();
    }

    @POST
    @Path("/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode token(@FormParam("grant_type") String grantType, @FormParam("code") String code,
            @FormParam("redirect_uri") String redirectUri, @FormParam("client_id") String clientId,
            @FormParam("code_verifier") String verifier) {
        LocalAuthority.TokenResponse answer = authority.exchange(grantType, code, redirectUri, clientId, verifier);
        ObjectNode body = mapper.createObjectNode()
                .put("access_token", answer.accessToken())
                .put("token_type", "Bearer")
                .put("expires_in", answer.expiresIn())
                .put("scope", answer.scope());
        if (answer.patient() != null) {
            body.put("patient", answer.patient());
            body.put("need_patient_banner", true);
        }
        return body;
    }
}
