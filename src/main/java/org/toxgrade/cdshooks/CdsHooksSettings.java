package org.toxgrade.cdshooks;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CDS clients (EHRs) this service answers hooks for, and how their JWTs are checked (CDS Hooks 2.0,
 * "Trusting CDS Clients"). With no client configured every hook call is refused; discovery stays open.
 */
@ConfigMapping(prefix = "toxgrade.cds-hooks")
public interface CdsHooksSettings {

    /** The trusted CDS clients by name: each its JWT issuer and the URL of its JWKS; none by default. */
    Map<String, Client> clients();

    /** Algorithms a client JWT may be signed with (the spec requires ES384 and RS384). */
    @WithDefault("RS384,ES384")
    List<String> algorithms();

    /** Longest lifetime ({@code exp} - {@code iat}) a client JWT may have: the spec's five minutes. */
    @WithDefault("5m")
    Duration maxTokenLifetime();

    /** Clock difference tolerated between the client and this service. */
    @WithDefault("60s")
    Duration clockSkew();

    /**
     * The SMART launch URL of the chart that cards link to; unset: this service's own {@code /app/launch.html}
     * as the request reached it.
     */
    Optional<String> appLaunchUrl();

    /** One trusted CDS client. */
    interface Client {

        /** The {@code iss} of the client's JWTs. */
        String issuer();

        /** Where the client publishes its public keys (a JWKS URL). */
        String jwksUri();
    }
}
