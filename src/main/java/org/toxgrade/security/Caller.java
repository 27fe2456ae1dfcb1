package org.toxgrade.security;

import org.toxgrade.fhir.FhirException;

/**
 * Who is calling, as established by {@link BearerTokenFilter}: the client named in the token and
 * the scopes it was granted. With authentication explicitly switched off the caller is
 * {@link #UNAUTHENTICATED} and every check passes (and a warning was logged at start-up).
 */
public record Caller(String clientId, GrantedScopes scopes, boolean authenticationOff) {

    public static final Caller UNAUTHENTICATED = new Caller("unauthenticated", GrantedScopes.parse(""), true);

    /** Refuses with 403 unless the caller may do {@code permission} on {@code resourceType}. */
    public void require(String resourceType, Permission permission) {
        if (!may(resourceType, permission)) {
            throw forbidden("system/" + resourceType + "." + permission.letter());
        }
    }

    public boolean may(String resourceType, Permission permission) {
        return authenticationOff || scopes.permits(resourceType, permission);
    }

    /** Refuses with 403 unless the caller holds one of the service's own scopes. */
    public void requireServiceScope(String scope) {
        if (!authenticationOff && !scopes.has(scope)) {
            throw forbidden(scope);
        }
    }

    public static FhirException forbidden(String scope) {
        return AuthError.SCOPE_NOT_GRANTED.refuse(scope);
    }
}
