package org.toxgrade.security;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Resource ids as they may appear in logs: a keyed hash, never the id itself (an EHR id can be a
 * medical record number). With {@code toxgrade.logging.id-hash-key} set, the same id hashes the
 * same across restarts and replicas so operators can follow a resource; without it a random key
 * per process is used. A plain hash would not do: ids from a small space are found by trying them.
 */
@Singleton
public class IdHasher {

    private final SecretKeySpec key;

    public IdHasher(@ConfigProperty(name = "toxgrade.logging.id-hash-key") Optional<String> configuredKey) {
        byte[] bytes = configuredKey.map(k -> k.getBytes(StandardCharsets.UTF_8)).orElseGet(() -> {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return random;
        });
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    /** {@code Observation#3fa85f64a1b2} for logs. */
    public String ref(String type, String id) {
        return type + "#" + hash(id);
    }

    public String hash(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }
}
