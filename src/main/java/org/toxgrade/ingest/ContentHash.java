package org.toxgrade.ingest;

import org.hl7.fhir.r4.model.Resource;
import org.toxgrade.fhir.FhirJson;
import org.toxgrade.fhir.Hashes;

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
        return Hashes.sha256(json.encode(copy));
    }
}
