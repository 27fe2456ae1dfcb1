package org.toxgrade.ehr.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.mutiny.core.Vertx;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.toxgrade.ehr.sim.SimulatedEhr;

/**
 * SMART Backend Services against the simulated token endpoint: the client assertion is signed with
 * the configured key (RS384 and ES384), carries iss = sub = client id, aud = token URL, a jti and an
 * exp at most five minutes ahead; the access token is reused until shortly before it expires.
 */
class SmartBackendAuthTest {

    private static final String CLIENT = "toxgrade-backend";
    private static SimulatedEhr ehr;
    private static Vertx vertx;

    @BeforeAll
    static void start() {
        ehr = SimulatedEhr.start(0);
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.closeAndAwait();
        ehr.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS384", "ES384"})
    void theTokenRequestCarriesAValidClientAssertionAndTheTokenIsCached(String algorithm) throws Exception {
        KeyPair keys = keyPair(algorithm);
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        String tokenUrl = ehr.baseUrl() + "/auth/token";
        MutableClock clock = new MutableClock(Instant.now());
        SmartBackendAuth auth = new SmartBackendAuth(vertx.createHttpClient(), new SmartBackendAuth.Settings(tokenUrl,
                CLIENT, PemKeys.parsePkcs8(pem, algorithm), "kid-" + algorithm, algorithm,
                "system/Condition.rcu system/Flag.rcu", Duration.ofMinutes(5), Duration.ofSeconds(60),
                Duration.ofSeconds(2), Duration.ofSeconds(5)), clock);
        int before = ehr.tokenRequests();

        Optional<String> header = auth.authorization().await().atMost(Duration.ofSeconds(10));
        Optional<String> again = auth.authorization().await().atMost(Duration.ofSeconds(10));

        assertTrue(header.orElseThrow().startsWith("Bearer sim-token-"));
        assertEquals(header, again, "the token is cached");
        assertEquals(before + 1, ehr.tokenRequests());
        String assertion = ehr.assertions().get(ehr.assertions().size() - 1);
        Map<String, String> form = ehr.tokenForms().get(ehr.tokenForms().size() - 1);
        assertEquals("client_credentials", form.get("grant_type"));
        assertEquals("system/Condition.rcu system/Flag.rcu", form.get("scope"));

        JwtConsumer consumer = new JwtConsumerBuilder()
                .setVerificationKey(keys.getPublic())
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        ClientAssertion.joseAlgorithm(algorithm))
                .setExpectedIssuer(CLIENT)
                .setExpectedSubject(CLIENT)
                .setExpectedAudience(tokenUrl)
                .setRequireJwtId()
                .setRequireExpirationTime()
                .build();
        JwtClaims claims = consumer.processToClaims(assertion);
        long lifetime = claims.getExpirationTime().getValue() - clock.instant().getEpochSecond();
        assertTrue(lifetime > 0 && lifetime <= 300, "exp at most five minutes ahead: " + lifetime);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(assertion);
        assertEquals("kid-" + algorithm, jws.getKeyIdHeaderValue());
        assertEquals(algorithm, jws.getAlgorithmHeaderValue());

        // expires_in is 300 s and the margin 60 s: renewed after 240 s, with a new assertion (new jti).
        clock.advance(Duration.ofSeconds(241));
        Optional<String> renewed = auth.authorization().await().atMost(Duration.ofSeconds(10));
        assertEquals(before + 2, ehr.tokenRequests());
        assertNotEquals(header, renewed);
        String second = ehr.assertions().get(ehr.assertions().size() - 1);
        assertNotEquals(claims.getJwtId(), consumer.processToClaims(second).getJwtId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "HS384", "none"})
    void onlyRs384AndEs384AreAllowed(String algorithm) {
        assertThrows(IllegalArgumentException.class, () -> ClientAssertion.joseAlgorithm(algorithm));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----", "not a key"})
    void aKeyThatIsNotPkcs8IsRefusedWithItsCode(String pem) {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> PemKeys.parsePkcs8(pem, "RS384"));
        assertTrue(e.getMessage().startsWith("TG-EHR-032"));
    }

    private static KeyPair keyPair(String algorithm) throws Exception {
        if (algorithm.startsWith("RS")) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp384r1"));
        return generator.generateKeyPair();
    }

    private static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
