package org.toxgrade.ehr.auth;

import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;
import org.toxgrade.ehr.EhrError;

/**
 * The signed JWT a SMART Backend Services client authenticates with ({@code private_key_jwt}):
 * {@code iss} = {@code sub} = client id, {@code aud} = token endpoint, a fresh {@code jti}, and an
 * {@code exp} at most five minutes ahead, signed RS384 or ES384 with the registered key's {@code kid}.
 */
public final class ClientAssertion {

    /** The longest lifetime SMART Backend Services allows. */
    public static final Duration MAX_LIFETIME = Duration.ofMinutes(5);
    public static final String TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private ClientAssertion() {
    }

    public static String sign(String clientId, String tokenUrl, PrivateKey key, String keyId, String algorithm,
            Duration lifetime, Instant now) {
        if (lifetime.compareTo(MAX_LIFETIME) > 0 || lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException(EhrError.ASSERTION_LIFETIME_OUT_OF_RANGE.message());
        }
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(clientId);
        claims.setSubject(clientId);
        claims.setAudience(tokenUrl);
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setIssuedAt(NumericDate.fromMilliseconds(now.toEpochMilli()));
        claims.setExpirationTime(NumericDate.fromMilliseconds(now.plus(lifetime).toEpochMilli()));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setKeyIdHeaderValue(keyId);
        jws.setHeader("typ", "JWT");
        jws.setAlgorithmHeaderValue(joseAlgorithm(algorithm));
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(EhrError.ASSERTION_NOT_SIGNED.message(algorithm), e);
        }
    }

    static String joseAlgorithm(String algorithm) {
        return switch (algorithm) {
            case "RS384" -> AlgorithmIdentifiers.RSA_USING_SHA384;
            case "ES384" -> AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384;
            default -> throw new IllegalArgumentException(EhrError.UNSUPPORTED_ALGORITHM.message(algorithm));
        };
    }

    static String keyType(String algorithm) {
        return joseAlgorithm(algorithm).startsWith("RS") ? "RSA" : "EC";
    }
}
