package org.toxgrade.support;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;
import org.toxgrade.security.LocalKeys;

/**
 * A CDS client (an EHR) for the tests: an RS384 and an ES384 key made for the run, their public halves served
 * as a JWKS over HTTP on a free port of this machine, and the service configured to trust that issuer
 * ({@code toxgrade.cds-hooks.clients.test-ehr.*}). Tests sign hook JWTs with {@link #jwt}.
 */
public class CdsClientKeys implements QuarkusTestResourceLifecycleManager {

    public static final String ISSUER = "https://ehr.test.example/cds-client";
    public static final String RSA_KID = "cds-test-rs384";
    public static final String EC_KID = "cds-test-es384";
    private static final Path DIR = Path.of("target", "cds-client-keys");
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            RsaJsonWebKey rsa = RsaJwkGenerator.generateJwk(2048);
            rsa.setKeyId(RSA_KID);
            rsa.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA384);
            rsa.setUse("sig");
            EllipticCurveJsonWebKey ec = EcJwkGenerator.generateJwk(EllipticCurves.P384);
            ec.setKeyId(EC_KID);
            ec.setAlgorithm(AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384);
            ec.setUse("sig");
            Files.createDirectories(DIR);
            writePem(DIR.resolve(RSA_KID + ".pem"), rsa);
            writePem(DIR.resolve(EC_KID + ".pem"), ec);
            byte[] jwks = new JsonWebKeySet(rsa, ec).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)
                    .getBytes(StandardCharsets.UTF_8);
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/jwks.json", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(jwks);
                }
            });
            server.start();
            String jwksUri = "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json";
            return Map.of("toxgrade.cds-hooks.clients.test-ehr.issuer", ISSUER,
                    "toxgrade.cds-hooks.clients.test-ehr.jwks-uri", jwksUri);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** A valid hook JWT for {@code audience} (the service URL called), signed RS384, five minutes. */
    public static String jwt(String audience) {
        return jwt(audience, claims -> {
        });
    }

    /** A hook JWT whose claims {@code change} edits after the valid ones are set (RS384 unless it says). */
    public static String jwt(String audience, Consumer<JwtClaims> change) {
        return sign(claims(audience, change), RSA_KID, AlgorithmIdentifiers.RSA_USING_SHA384);
    }

    public static JwtClaims claims(String audience, Consumer<JwtClaims> change) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject("ehr-cds-client");
        claims.setAudience(audience);
        long now = System.currentTimeMillis() / 1000;
        claims.setIssuedAt(NumericDate.fromSeconds(now));
        claims.setExpirationTime(NumericDate.fromSeconds(now + Duration.ofMinutes(5).toSeconds()));
        claims.setJwtId(UUID.randomUUID().toString());
        change.accept(claims);
        return claims;
    }

    /** Signs with the test client's key {@code kid} (RS384 or ES384 key) and {@code algorithm}. */
    public static String sign(JwtClaims claims, String kid, String algorithm) {
        try {
            PrivateKey key = LocalKeys.readPrivateKey(DIR.resolve(kid + ".pem"));
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setKey(key);
            jws.setKeyIdHeaderValue(kid);
            jws.setAlgorithmHeaderValue(algorithm);
            jws.setHeader("typ", "JWT");
            return jws.getCompactSerialization();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writePem(Path file, PublicJsonWebKey jwk) throws IOException {
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(jwk.getPrivateKey().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Files.writeString(file, pem);
    }
}
