package org.toxgrade.security;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;

/** The caller of the request being served, as {@link BearerTokenFilter} established it. */
@ApplicationScoped
public class CurrentCaller {

    private final CurrentVertxRequest request;

    public CurrentCaller(CurrentVertxRequest request) {
        this.request = request;
    }

    public Caller get() {
        Caller caller = request.getCurrent() == null ? null : request.getCurrent().get(BearerTokenFilter.CALLER);
        if (caller == null) {
            // Only reachable if a route escaped the filter: refuse rather than serve anonymously.
            throw AuthError.NOT_AUTHENTICATED.refuse();
        }
        return caller;
    }
}
