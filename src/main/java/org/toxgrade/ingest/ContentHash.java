package org.toxgrade.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.hl7.fhir.r4.model.Resource;
import org.toxgrade.fhir.FhirJson;

/**
 * A fingerprint of a resource's content that ignores meta (version, lastUpdated) and formatting, so
 * that a redelivery of the same content is recognised whatever JSON layout the sender used.
 */
final class ContentHash {

    private ContentHash() {
    }

    static String of(FhirJson json, Resource resource) {
        Resource copy = resource.copy();
        copy.setMeta(null);
        return sha256(json.encode(copy));
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
