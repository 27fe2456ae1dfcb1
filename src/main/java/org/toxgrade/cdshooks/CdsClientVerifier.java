package org.toxgrade.cdshooks;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;

/**
 * Checks the JWT a CDS client sends with every hook call (CDS Hooks 2.0, "Trusting CDS Clients"): the issuer
 * must be a configured client, the signature must verify against that client's JWKS (fetched over HTTP,
 * cached, fetched again for an unknown {@code kid}; a {@code jku} header is never followed), the algorithm
 * must be one allowed, {@code aud} must be the URL of the service called, {@code exp}, {@code iat},
 * {@code jti} and {@code sub} must be there, the lifetime at most five minutes, and a {@code jti} is
 * accepted once. Blocking (the JWKS may be fetched): call it off the event loop.
 */
@ApplicationScoped
public class CdsClientVerifier {

    /** A verified CDS client: its issuer and {@code sub} (the client id the EHR registered). */
    public record CdsClient(String issuer, String subject) {
    }

    private final CdsHooksSettings settings;
    private final Map<String, HttpsJwksVerificationKeyResolver> keys = new ConcurrentHashMap<>();
    /** jti -> expiry: kept until the token could no longer be accepted anyway. */
    private final Map<String, Instant> seen = new ConcurrentHashMap<>();

    public CdsClientVerifier(CdsHooksSettings settings) {
        this.settings = settings;
    }

    /**
     * @param authorization the {@code Authorization} header, or null
     * @param audience      the absolute URL of the service that was called
     */
    public CdsClient verify(String authorization, String audience) {
        String token = bearer(authorization);
        if (token == null) {
            throw CdsHooksError.JWT_REQUIRED.refuse();
        }
        CdsHooksSettings.Client client = clientOf(token);
        JwtClaims claims;
        try {
            claims = consumer(client, audience).processToClaims(token);
            Instant issuedAt = Instant.ofEpochSecond(claims.getIssuedAt().getValue());
            Instant expires = Instant.ofEpochSecond(claims.getExpirationTime().getValue());
            if (Duration.between(issuedAt, expires).compareTo(settings.maxTokenLifetime()) > 0) {
                throw CdsHooksError.JWT_INVALID.refuse();
            }
            remember(client.issuer() + " " + claims.getJwtId(), expires);
            return new CdsClient(claims.getIssuer(), claims.getSubject());
        } catch (InvalidJwtException | MalformedClaimException e) {
            throw CdsHooksError.JWT_INVALID.refuse();
        }
    }

    private CdsHooksSettings.Client clientOf(String token) {
        String issuer;
        try {
            // Only to pick the client's keys: nothing of this unverified read is trusted.
            JwtClaims unverified = new JwtConsumerBuilder().setSkipAllValidators().setDisableRequireSignature()
                    .setSkipSignatureVerification().build().processToClaims(token);
            issuer = unverified.getIssuer();
        } catch (InvalidJwtException | MalformedClaimException e) {
            throw CdsHooksError.JWT_INVALID.refuse();
        }
        return settings.clients().values().stream().filter(c -> c.issuer().equals(issuer)).findFirst()
                .orElseThrow(CdsHooksError.ISSUER_NOT_TRUSTED::refuse);
    }

    private JwtConsumer consumer(CdsHooksSettings.Client client, String audience) {
        HttpsJwksVerificationKeyResolver resolver = keys.computeIfAbsent(client.jwksUri(),
                uri -> new HttpsJwksVerificationKeyResolver(new HttpsJwks(uri)));
        List<String> algorithms = settings.algorithms();
        return new JwtConsumerBuilder()
                .setExpectedIssuer(client.issuer())
                .setExpectedAudience(audience)
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireJwtId()
                .setRequireSubject()
                .setAllowedClockSkewInSeconds((int) settings.clockSkew().toSeconds())
                .setMaxFutureValidityInMinutes((int) Math.max(1, settings.maxTokenLifetime().toMinutes()))
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        algorithms.toArray(String[]::new))
                .setVerificationKeyResolver(resolver)
                .build();
    }

    private void remember(String jti, Instant expires) {
        Instant now = Instant.now();
        seen.values().removeIf(until -> until.plus(settings.clockSkew()).isBefore(now));
        if (seen.putIfAbsent(jti, expires) != null) {
            throw CdsHooksError.JWT_REPLAYED.refuse();
        }
    }

    private static String bearer(String header) {
        if (header == null || header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = header.substring(7).trim();
        return token.isEmpty() ? null : token;
    }
}
