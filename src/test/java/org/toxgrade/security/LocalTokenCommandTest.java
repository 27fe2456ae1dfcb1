package org.toxgrade.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalTokenCommandTest {

    @Test
    void theTokenCommandMakesTheKeyOnceAndPrintsATokenThatVerifiesAgainstTheLocalJwks(@TempDir Path data)
            throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = LocalTokenCommand.run(new String[]{"token", "--scope", "system/Observation.cu", "--minutes", "5"},
                data, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertEquals(0, code);
        String token = out.toString(StandardCharsets.UTF_8).trim();

        Path jwks = data.resolve("keys").resolve("local-jwks.json");
        assertTrue(Files.exists(jwks));
        assertTrue(!Files.readString(jwks).contains("\"d\""), "the JWKS must hold the public key only");
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(
                        new JsonWebKeySet(Files.readString(jwks)).getJsonWebKeys()))
                .setExpectedIssuer(LocalKeys.ISSUER)
                .setExpectedAudience(LocalKeys.AUDIENCE)
                .setRequireExpirationTime()
                .build();
        JwtClaims claims = consumer.processToClaims(token);
        assertEquals("system/Observation.cu", claims.getStringClaimValue("scope"));

        // A second run reuses the same key: tokens from both runs verify against one JWKS.
        String before = Files.readString(jwks);
        LocalTokenCommand.run(new String[]{"token"}, data, new PrintStream(new ByteArrayOutputStream()), System.err);
        assertEquals(before, Files.readString(jwks));
    }

    @Test
    void anUnknownOptionPrintsUsageAndFails(@TempDir Path data) throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = LocalTokenCommand.run(new String[]{"token", "--bogus"}, data, System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("usage:"));
    }

}
