package org.toxgrade.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.toxgrade.security.LocalKeys;

/**
 * Points token verification at a key pair made for the test run (the same mechanism as a local
 * run), so that every test calls the service as a real client would: with a signed bearer token.
 */
public class TestKeysResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        try {
            LocalKeys keys = Tokens.keys();
            return Map.of(
                    "mp.jwt.verify.publickey.location", keys.jwksFile().toUri().toString(),
                    "mp.jwt.verify.issuer", LocalKeys.ISSUER,
                    "mp.jwt.verify.audiences", LocalKeys.AUDIENCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
    }
}
