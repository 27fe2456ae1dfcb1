package org.toxgrade.ui;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Content-Security-Policy of the page ({@code /app/}) and the sign-in form ({@code /auth/}), in place of
 * the API's {@code default-src 'none'}: scripts, styles and images from the service itself only (no inline
 * script, no eval), data requests to the service and to the configured authorization server and launching
 * EHRs, forms posted to the service or the authorization server, no {@code <base>}, framed by nobody unless
 * {@code toxgrade.ui.frame-ancestors} says who. Set when the headers are written, after the service-wide ones.
 */
@ApplicationScoped
public class AppSecurityHeaders {

    /** After the bearer-token check (100) and the audit of refusals (200): order does not matter here. */
    private static final int PRIORITY = 50;
    private final String policy;
    private final boolean framed;

    public AppSecurityHeaders(UiSettings settings) {
        Set<String> connect = new LinkedHashSet<>(List.of("'self'"));
        Set<String> forms = new LinkedHashSet<>(List.of("'self'"));
        settings.tokenEndpoint().flatMap(AppSecurityHeaders::origin).ifPresent(connect::add);
        settings.authorizationEndpoint().flatMap(AppSecurityHeaders::origin).ifPresent(forms::add);
        settings.launchIssuers().orElse(List.of()).forEach(i -> origin(i).ifPresent(connect::add));
        this.policy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "connect-src " + String.join(" ", connect) + "; form-action " + String.join(" ", forms)
                + "; base-uri 'none'; frame-ancestors " + settings.frameAncestors();
        this.framed = !settings.frameAncestors().trim().equals("'none'");
    }

    void register(@Observes Filters filters) {
        filters.register(this::apply, PRIORITY);
    }

    void apply(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (path.equals("/app") || path.startsWith("/app/") || path.startsWith("/auth/")) {
            ctx.addHeadersEndHandler(v -> {
                ctx.response().headers().set("Content-Security-Policy", policy);
                if (framed) {
                    // X-Frame-Options cannot name an origin: frame-ancestors above decides.
                    ctx.response().headers().remove("X-Frame-Options");
                }
            });
        }
        ctx.next();
    }

    public String policy() {
        return policy;
    }

    private static Optional<String> origin(String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return Optional.empty();
            }
            return Optional
                    .of(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
