package org.toxgrade.security;

import java.io.IOException;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.UUID;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/** Signs bearer tokens with SMART scopes: for local use (the {@code token} command) and tests. */
public final class TokenMinter {

    private TokenMinter() {
    }

    /**
     * @param lifetime negative for an already expired token (tests)
     */
    public static String mint(PrivateKey key, String keyId, String algorithm, String issuer, String audience,
            String subject, String scopes, Duration lifetime) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience(audience);
        claims.setSubject(subject);
        claims.setClaim("client_id", subject);
        claims.setClaim("scope", scopes);
        claims.setJwtId(UUID.randomUUID().toString());
        long now = System.currentTimeMillis() / 1000;
        claims.setIssuedAt(NumericDate.fromSeconds(Math.min(now, now + lifetime.toSeconds())));
        claims.setExpirationTime(NumericDate.fromSeconds(now + lifetime.toSeconds()));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setKeyIdHeaderValue(keyId);
        jws.setAlgorithmHeaderValue(algorithm);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(AuthError.TOKEN_NOT_SIGNED.message(), e);
        }
    }

    public static String mintLocal(LocalKeys keys, String subject, String scopes, Duration lifetime)
            throws IOException {
        return mint(keys.privateKey(), keys.keyId(), AlgorithmIdentifiers.RSA_USING_SHA256, LocalKeys.ISSUER,
                LocalKeys.AUDIENCE, subject, scopes, lifetime);
    }
}
