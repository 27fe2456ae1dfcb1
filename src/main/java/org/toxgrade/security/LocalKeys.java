package org.toxgrade.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.lang.JoseException;

/**
 * A signing key pair for local runs, made on first start under {@code <data-dir>/keys}: the
 * service verifies tokens against the public JWKS, and the {@code token} command signs tokens
 * with the private key. Never used when real keys are configured.
 */
public record LocalKeys(Path privateKeyFile, Path jwksFile, String keyId) {

    public static final String ISSUER = "urn:toxgrade:local";
    public static final String AUDIENCE = "toxgrade";
    private static final String KEY_ID = "toxgrade-local-1";

    public static LocalKeys loadOrCreate(Path dataRoot) throws IOException {
        Path dir = dataRoot.resolve("keys");
        LocalKeys keys = new LocalKeys(dir.resolve("local-signing-key.pem"), dir.resolve("local-jwks.json"), KEY_ID);
        if (Files.exists(keys.privateKeyFile) && Files.exists(keys.jwksFile)) {
            return keys;
        }
        Files.createDirectories(dir);
        try {
            RsaJsonWebKey jwk = RsaJwkGenerator.generateJwk(2048);
            jwk.setKeyId(KEY_ID);
            jwk.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
            jwk.setUse("sig");
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(jwk.getPrivateKey().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
            Files.writeString(keys.privateKeyFile, pem);
            restrictToOwner(keys.privateKeyFile);
            Files.writeString(keys.jwksFile,
                    new JsonWebKeySet(jwk).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
        } catch (JoseException e) {
            throw new IOException(AuthError.LOCAL_KEY_NOT_GENERATED.message(), e);
        }
        return keys;
    }

    public PrivateKey privateKey() throws IOException {
        return readPrivateKey(privateKeyFile);
    }

    /** Reads a PKCS#8 PEM RSA or EC private key. */
    public static PrivateKey readPrivateKey(Path pemFile) throws IOException {
        String pem = Files.readString(pemFile);
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        byte[] der = Base64.getDecoder().decode(base64);
        for (String algorithm : new String[]{"RSA", "EC"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (Exception e) {
                // try the next algorithm
            }
        }
        throw new IOException(AuthError.LOCAL_KEY_UNREADABLE.message(pemFile.getFileName()));
    }

    private static void restrictToOwner(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system: the directory's own protection applies.
        }
    }
}
