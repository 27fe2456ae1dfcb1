package org.toxgrade.signin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** RFC 7636 PKCE, method S256 only ("plain" would let whoever sees the challenge redeem the code). */
final class Pkce {

    private Pkce() {
    }

    /** A code_verifier is 43-128 characters of {@code [A-Z a-z 0-9 - . _ ~]} (RFC 7636 section 4.1). */
    static boolean validVerifier(String verifier) {
        return verifier != null && verifier.matches("[A-Za-z0-9\\-._~]{43,128}");
    }

    /** A S256 challenge is the base64url of 32 bytes: 43 characters. */
    static boolean validChallenge(String challenge) {
        return challenge != null && challenge.matches("[A-Za-z0-9\\-_]{43}");
    }

    static boolean matches(String verifier, String challenge) {
        if (!validVerifier(verifier) || !validChallenge(challenge)) {
            return false;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            String computed = Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
            return MessageDigest.isEqual(computed.getBytes(StandardCharsets.US_ASCII),
                    challenge.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
