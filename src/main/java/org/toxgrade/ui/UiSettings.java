package org.toxgrade.ui;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The web page under {@code /app/}: where it signs in (a SMART App Launch / OpenID Connect authorization server
 * with the authorization code flow and PKCE) and which EHRs may launch it. Unset endpoints mean the local
 * sign-in of embedded runs.
 */
@ConfigMapping(prefix = "toxgrade.ui")
public interface UiSettings {

    /** The page's client id at the authorization server. */
    @WithDefault("toxgrade-app")
    String clientId();

    /** The authorization server's authorization endpoint; unset: the local sign-in ({@code /auth/authorize}). */
    Optional<String> authorizationEndpoint();

    /** The authorization server's token endpoint; unset: the local sign-in ({@code /auth/token}). */
    Optional<String> tokenEndpoint();

    /** Scopes the page asks for in a standalone launch (an EHR launch adds {@code launch}). */
    @WithDefault("launch/patient user/Condition.rs user/Flag.rs")
    String scope();

    /** FHIR base URLs of the EHRs that may launch the page ({@code iss}), besides this service's own; none by default. */
    Optional<List<String>> launchIssuers();

    /** Who may frame the page (CSP frame-ancestors), e.g. the EHR's origin for an embedded launch. */
    @WithDefault("'none'")
    String frameAncestors();

    /** How often the worklist reloads itself. */
    @WithDefault("30s")
    Duration worklistRefresh();
}
