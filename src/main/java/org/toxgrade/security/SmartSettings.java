package org.toxgrade.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/**
 * What {@code /.well-known/smart-configuration} tells clients about the hospital's authorization server,
 * which issues the tokens this service verifies (SMART App Launch 2.x, Backend Services).
 */
@ConfigMapping(prefix = "toxgrade.smart")
public interface SmartSettings {

    /** The authorization server's token endpoint; unset: the discovery document is not served (404). */
    Optional<String> tokenEndpoint();

    /**
     * The authorization server's authorization endpoint, where users sign in to apps such as the web page
     * (authorization code with PKCE S256); unset: left out.
     */
    Optional<String> authorizationEndpoint();

    /** The issuer of the tokens, as the document names it; unset: left out. */
    Optional<String> issuer();

    /** Where the authorization server publishes its signing keys; unset: left out. */
    Optional<String> jwksUri();

    /** Grant types clients of this service get tokens with. */
    @WithDefault("client_credentials")
    List<String> grantTypes();

    /** How clients authenticate at the token endpoint. */
    @WithDefault("private_key_jwt")
    List<String> tokenEndpointAuthMethods();

    /** Algorithms the token endpoint takes for a client's signed assertion. */
    @WithDefault("RS384,ES384")
    List<String> tokenEndpointAuthSigningAlgValues();

    /** SMART capabilities the document declares. */
    @WithDefault("client-confidential-asymmetric,permission-v1,permission-v2")
    List<String> capabilities();
}
