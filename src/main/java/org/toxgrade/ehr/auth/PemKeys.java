package org.toxgrade.ehr.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.toxgrade.ehr.EhrError;

/** Reads an unencrypted PKCS#8 private key ({@code -----BEGIN PRIVATE KEY-----}). */
public final class PemKeys {

    private PemKeys() {
    }

    /** @param algorithm RS384 (an RSA key) or ES384 (an EC P-384 key) */
    public static PrivateKey readPkcs8(Path file, String algorithm) {
        try {
            return parsePkcs8(Files.readString(file, StandardCharsets.US_ASCII), algorithm);
        } catch (IOException e) {
            throw new IllegalStateException(EhrError.KEY_FILE_UNREADABLE.message(), e);
        }
    }

    public static PrivateKey parsePkcs8(String pem, String algorithm) {
        if (!pem.contains("-----BEGIN PRIVATE KEY-----")) {
            throw new IllegalStateException(EhrError.KEY_NOT_PKCS8_PEM.message());
        }
        String base64 = pem.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        try {
            KeyFactory factory = KeyFactory.getInstance(ClientAssertion.keyType(algorithm));
            return factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    EhrError.KEY_INVALID.message(ClientAssertion.keyType(algorithm), algorithm), e);
        }
    }
}
