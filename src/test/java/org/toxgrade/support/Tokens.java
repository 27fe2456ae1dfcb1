package org.toxgrade.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.toxgrade.security.LocalKeys;
import org.toxgrade.security.TokenMinter;

/** Bearer tokens for tests: valid ones with chosen scopes, and the ways a token can be wrong. */
public final class Tokens {

    /** Everything an EHR integration pushing and reading data would hold. */
    public static final String ALL_CLINICAL = "system/*.cruds";

    private Tokens() {
    }

    static LocalKeys keys() throws IOException {
        return LocalKeys.loadOrCreate(Path.of("target", "test-keys"));
    }

    public static String withScopes(String scopes) {
        return withScopes(scopes, "test-ehr");
    }

    public static String withScopes(String scopes, String client) {
        try {
            LocalKeys keys = keys();
            return TokenMinter.mint(keys.privateKey(), keys.keyId(), AlgorithmIdentifiers.RSA_USING_SHA256,
                    LocalKeys.ISSUER, LocalKeys.AUDIENCE, client, scopes, Duration.ofMinutes(10));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Expired five minutes ago: beyond the verifier's 60 s clock skew. */
    public static String expired() {
        return mint(keysUnchecked(), LocalKeys.ISSUER, LocalKeys.AUDIENCE, ALL_CLINICAL, Duration.ofMinutes(-5));
    }

    /** Right claims, signed by a key the service does not trust. */
    public static String signedByAnotherKey() {
        try {
            LocalKeys stranger = LocalKeys.loadOrCreate(Path.of("target", "stranger-keys"));
            return mint(stranger, LocalKeys.ISSUER, LocalKeys.AUDIENCE, ALL_CLINICAL, Duration.ofMinutes(10));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String forAudience(String audience) {
        return mint(keysUnchecked(), LocalKeys.ISSUER, audience, ALL_CLINICAL, Duration.ofMinutes(10));
    }

    public static String fromIssuer(String issuer) {
        return mint(keysUnchecked(), issuer, LocalKeys.AUDIENCE, ALL_CLINICAL, Duration.ofMinutes(10));
    }

    private static String mint(LocalKeys keys, String issuer, String audience, String scopes, Duration lifetime) {
        try {
            return TokenMinter.mint(keys.privateKey(), keys.keyId(), AlgorithmIdentifiers.RSA_USING_SHA256, issuer,
                    audience, "test-ehr", scopes, lifetime);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LocalKeys keysUnchecked() {
        try {
            return keys();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
