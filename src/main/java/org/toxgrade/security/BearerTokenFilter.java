package org.toxgrade.security;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.json.JsonString;
import java.util.Collection;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.toxgrade.fhir.FhirJson;
import org.toxgrade.fhir.FhirMediaTypes;
import org.toxgrade.fhir.OperationOutcomes;

/**
 * The gate in front of every route of the clinical port: only {@code GET /fhir/metadata} and the
 * SMART discovery document are open; everything else (FHIR endpoints, OpenAPI) needs a bearer JWT
 * whose signature,
 * issuer, audience and expiry verify offline against the configured keys. The verified caller is
 * left on the request for the per-interaction scope checks. Health and metrics are not on this port
 * at all: they answer on the management interface ({@code quarkus.management.port}), which is closed
 * by the network (the Kubernetes NetworkPolicy) rather than by clinical tokens.
 */
@ApplicationScoped
public class BearerTokenFilter {

    public static final String CALLER = "toxgrade.caller";
    /** SMART discovery: open, since a client reads it to learn how to get a token. */
    public static final String SMART_CONFIGURATION = "/.well-known/smart-configuration";
    /**
     * Subscription notifications from the EHRs: they carry the channel secret (checked by the notification
     * endpoint, in constant time) or a bearer token of this service. Here a valid token leaves its caller on the
     * request; a missing or non-JWT credential is left to the endpoint, which refuses it with 401.
     */
    public static final String NOTIFICATION_PATH = "/notify/";
    /**
     * CDS Hooks 2.0: discovery is open, and a hook call carries the CDS client's own JWT, which the CDS service
     * verifies against that client's JWKS ("Trusting CDS Clients"); this service's bearer tokens play no part.
     */
    public static final String CDS_HOOKS_PATH = "/cds-services";
    /**
     * The web page's assets (no patient data in them: every data call goes to the secured API with the token
     * the page holds) and the charting library's files.
     */
    public static final String APP_PATH = "/app";
    public static final String WEBJARS_PATH = "/webjars/";
    /**
     * The local sign-in (authorization and token endpoints): they authenticate the user by password and the
     * page by PKCE themselves; a bearer token is what they hand out, not what they take.
     */
    public static final String SIGN_IN_PATH = "/auth/";
    private static final Logger LOG = Logger.getLogger(BearerTokenFilter.class);
    /**
     * HTTP filters run on every route, including the framework's own under /q (a route observed on
     * the application Router would miss those); a higher priority runs earlier.
     */
    private static final int PRIORITY = 100;

    private final AuthSettings config;
    private final JWTParser parser;
    private final Vertx vertx;
    private final FhirJson json;

    public BearerTokenFilter(AuthSettings config, JWTParser parser, Vertx vertx, FhirJson json) {
        this.config = config;
        this.parser = parser;
        this.vertx = vertx;
        this.json = json;
    }

    void checkConfiguration(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.warn(AuthError.AUTHENTICATION_OFF.message());
            return;
        }
        var mp = ConfigProvider.getConfig();
        if (mp.getOptionalValue("mp.jwt.verify.publickey.location", String.class).isEmpty()
                && mp.getOptionalValue("mp.jwt.verify.publickey", String.class).isEmpty()) {
            throw new IllegalStateException(AuthError.NO_VERIFICATION_KEY.message());
        }
    }

    void register(@Observes Filters filters) {
        filters.register(this::authenticate, PRIORITY);
    }

    void authenticate(RoutingContext ctx) {
        if (isOpen(ctx.request().method(), ctx.normalizedPath())
                || (config.apiDocsOpen() && isApiDocument(ctx.request().method(), ctx.normalizedPath()))) {
            ctx.next();
            return;
        }
        if (!config.enabled()) {
            ctx.put(CALLER, Caller.UNAUTHENTICATED);
            ctx.next();
            return;
        }
        if (ctx.normalizedPath().equals(CDS_HOOKS_PATH) || ctx.normalizedPath().startsWith(CDS_HOOKS_PATH + "/")
                || ctx.normalizedPath().startsWith(SIGN_IN_PATH)) {
            ctx.next();
            return;
        }
        if (ctx.normalizedPath().startsWith(NOTIFICATION_PATH)) {
            notification(ctx);
            return;
        }
        String token = bearerToken(ctx);
        if (token == null) {
            refuse(ctx, "invalid_request", AuthError.TOKEN_REQUIRED);
            return;
        }
        // Verification may fetch a JWKS URL on first use: keep it off the event loop.
        vertx.executeBlocking(() -> parser.parse(token), false).onComplete(result -> {
            if (result.failed()) {
                refuse(ctx, "invalid_token", AuthError.TOKEN_INVALID);
                return;
            }
            ctx.put(CALLER, callerOf(result.result()));
            ctx.next();
        });
    }

    private void notification(RoutingContext ctx) {
        String token = bearerToken(ctx);
        // A channel secret may also travel as "Bearer <secret>": only a JWT (three parts) is verified here.
        if (token == null || token.chars().filter(c -> c == '.').count() != 2) {
            ctx.next();
            return;
        }
        vertx.executeBlocking(() -> parser.parse(token), false).onComplete(result -> {
            if (result.succeeded()) {
                ctx.put(CALLER, callerOf(result.result()));
            }
            ctx.next();
        });
    }

    /** The token of an {@code Authorization: Bearer ...} header, or null. */
    private static String bearerToken(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header == null || header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return header.substring(7).trim();
    }

    static boolean isOpen(HttpMethod method, String path) {
        boolean read = method == HttpMethod.GET || method == HttpMethod.HEAD;
        return read && (path.equals("/fhir/metadata") || path.equals(SMART_CONFIGURATION)
                || path.equals("/fhir" + SMART_CONFIGURATION) || path.equals(APP_PATH)
                || path.startsWith(APP_PATH + "/") || path.startsWith(WEBJARS_PATH));
    }

    /** The OpenAPI document and Swagger UI's pages, open only where {@link AuthSettings#apiDocsOpen()} says. */
    static boolean isApiDocument(HttpMethod method, String path) {
        boolean read = method == HttpMethod.GET || method == HttpMethod.HEAD;
        return read && (path.equals("/q/openapi") || path.equals("/q/swagger-ui") || path.startsWith("/q/swagger-ui/"));
    }

    static Caller callerOf(JsonWebToken jwt) {
        String clientId = firstNonBlank(jwt.getClaim("client_id"), jwt.getClaim("azp"), jwt.getSubject());
        Object scope = jwt.getClaim("scope");
        String scopes;
        if (scope != null) {
            scopes = stringOf(scope);
        } else {
            Object scp = jwt.getClaim("scp");
            scopes = scp instanceof Collection<?> list
                    ? list.stream().map(BearerTokenFilter::stringOf).collect(Collectors.joining(" "))
                    : scp == null ? "" : stringOf(scp);
        }
        return new Caller(clientId == null ? "unknown" : clientId, GrantedScopes.parse(scopes), false);
    }

    private static String stringOf(Object claim) {
        // JSON string claims come back as jakarta.json.JsonString, whose toString() keeps the quotes.
        return claim instanceof JsonString s ? s.getString() : String.valueOf(claim);
    }

    private static String firstNonBlank(Object... values) {
        for (Object value : values) {
            if (value != null && !stringOf(value).isBlank()) {
                return stringOf(value);
            }
        }
        return null;
    }

    private void refuse(RoutingContext ctx, String error, AuthError code) {
        String body = json.encode(OperationOutcomes.of(code.refuse()));
        ctx.response().setStatusCode(code.status())
                .putHeader("WWW-Authenticate", "Bearer realm=\"toxgrade\", error=\"" + error + "\"")
                .putHeader("Content-Type", FhirMediaTypes.FHIR_JSON_UTF8)
                .end(body);
    }
}
