package org.toxgrade.signin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * The local sign-in of embedded runs: a minimal authorization endpoint and token endpoint (OAuth 2.0
 * authorization code with PKCE S256, as a SMART App Launch client uses them) for one locally configured user.
 * Offered only while tokens are verified against the local key; in production the page signs in at the
 * hospital's server ({@code toxgrade.ui.*}).
 */
@ConfigMapping(prefix = "toxgrade.signin")
public interface LocalSignInSettings {

    /** Whether the local sign-in is offered when the local key is in use. */
    @WithDefault("true")
    boolean enabled();

    /** The local user's name (the token's {@code sub}, and the name the audit trail shows). */
    @WithDefault("clinician")
    String user();

    /** The local user's password; unset: a random one made on first start in {@code data/keys/local-user-password}. */
    Optional<String> password();

    /** The one client the local sign-in knows: the service's own page. */
    @WithDefault("toxgrade-app")
    String clientId();

    /** Scopes a signed-in user may be granted (the page's reads; {@code user/} scopes never write). */
    @WithDefault("launch launch/patient user/Condition.rs user/Flag.rs")
    String grantableScopes();

    /** Lifetime of the access token. */
    @WithDefault("60m")
    Duration tokenLifetime();

    /** Lifetime of an authorization code (RFC 6749 recommends at most 10 minutes). */
    @WithDefault("60s")
    Duration codeLifetime();
}
