package org.toxgrade.ehr;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The EHR's FHIR server that results are written back to. */
@ConfigMapping(prefix = "toxgrade.ehr")
public interface EhrSettings {

    /**
     * FHIR base URL of the EHR, e.g. {@code https://ehr.example.org/fhir}. Not set: write-back is off,
     * outbox rows stay pending, and the service's own read API serves everything.
     */
    Optional<String> baseUrl();

    /** Time allowed to open a connection to the EHR (and its token endpoint). */
    @WithDefault("5s")
    Duration connectTimeout();

    /** Time the EHR may stay silent on an open request before it counts as failed. */
    @WithDefault("30s")
    Duration readTimeout();

    /** The circuit breaker in front of the EHR. */
    CircuitBreaker circuitBreaker();

    /** How the service authenticates to the EHR. */
    Auth auth();

    interface CircuitBreaker {

        /** Consecutive failures (no answer, or 5xx/429) that open the circuit. */
        @WithDefault("5")
        int failureThreshold();

        /** How long an open circuit stays open before one trial request is let through. */
        @WithDefault("30s")
        Duration delay();
    }

    interface Auth {

        /** {@code none}, {@code bearer} (static token) or {@code smart-backend} (SMART Backend Services). */
        @WithDefault("none")
        AuthMode mode();

        /** The token sent with {@code mode=bearer}. */
        Optional<String> bearerToken();

        /** SMART Backend Services client credentials ({@code mode=smart-backend}). */
        Smart smart();
    }

    interface Smart {

        /** The authorisation server's token endpoint (also the {@code aud} of the client assertion). */
        Optional<String> tokenUrl();

        /** The client id registered with the EHR ({@code iss} and {@code sub} of the assertion). */
        Optional<String> clientId();

        /** PKCS#8 PEM file of the private key that signs client assertions. */
        Optional<String> privateKeyLocation();

        /** The {@code kid} of that key in the JWKS registered with the EHR. */
        Optional<String> keyId();

        /** Signature algorithm of the assertion: {@code RS384} or {@code ES384}. */
        @WithDefault("RS384")
        String algorithm();

        /** Scopes requested. */
        @WithDefault("system/Condition.rcu system/Flag.rcu system/Provenance.c system/Device.cru")
        String scope();

        /** Lifetime of a client assertion (SMART allows at most five minutes). */
        @WithDefault("4m")
        Duration assertionLifetime();

        /** An access token is renewed this long before its {@code expires_in} runs out. */
        @WithDefault("60s")
        Duration refreshMargin();
    }

    enum AuthMode {
        NONE, BEARER, SMART_BACKEND
    }
}
