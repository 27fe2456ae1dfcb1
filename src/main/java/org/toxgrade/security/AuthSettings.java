package org.toxgrade.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Who may call the service. Token keys, issuer and audience are the standard {@code mp.jwt.verify.*} settings. */
@ConfigMapping(prefix = "toxgrade.auth")
public interface AuthSettings {

    /**
     * Whether callers must present a bearer JWT. Switching it off is for isolated test benches only:
     * every request is then served without checks, and a warning is logged at start-up.
     */
    @WithDefault("true")
    boolean enabled();

    /** Whether a local signing key under the data directory may be made and trusted when no key is configured. */
    @WithDefault("true")
    boolean localKeys();

    /**
     * Whether the OpenAPI document ({@code /q/openapi}) and Swagger UI ({@code /q/swagger-ui}, served in dev
     * mode only) answer without a token: on in dev mode, where a developer browses the API; neither holds
     * patient data.
     */
    @WithDefault("false")
    boolean apiDocsOpen();
}
