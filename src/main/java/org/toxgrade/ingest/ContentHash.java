package org.toxgrade.ingest;

import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Resource;
import org.toxgrade.fhir.FhirJson;
import org.toxgrade.fhir.Hashes;

/**
 * A fingerprint of a resource's content that ignores meta (version, lastUpdated) and formatting, so
 * that a redelivery of the same content is recognised whatever JSON layout the sender used, made
 * together with the JSON that is stored, from one encoding: the content is encoded without meta
 * and the meta put back in its place (right after the id, where the JSON encoder writes it).
 * Encoding a copy for the hash and the resource again for storage was a tenth of the ingest time.
 */
final class ContentHash {

    /** The resource as stored (meta included) and the hash of its content without meta. */
    record Encoded(String json, String sha256) {
    }

    private ContentHash() {
    }

    static Encoded encode(FhirJson json, Resource resource) {
        Meta meta = resource.hasMeta() ? resource.getMeta() : null;
        resource.setMeta(null);
        String content;
        try {
            content = json.encode(resource);
        } finally {
            resource.setMeta(meta);
        }
        String sha256 = Hashes.sha256(content);
        if (meta == null || meta.isEmpty()) {
            return new Encoded(content, sha256);
        }
        String head = "{\"resourceType\":\"" + resource.fhirType() + "\",\"id\":\"" + resource.getIdPart() + "\"";
        String metaJson = metaJson(json, meta);
        if (!content.startsWith(head) || metaJson == null) {
            return new Encoded(json.encode(resource), sha256);
        }
        return new Encoded(head + "," + metaJson + content.substring(head.length()), sha256);
    }

    /** {@code "meta":{...}} as the encoder writes it. */
    private static String metaJson(FhirJson json, Meta meta) {
        String carrier = json.encode(new Basic().setMeta(meta));
        String head = "{\"resourceType\":\"Basic\",";
        if (!carrier.startsWith(head + "\"meta\":") || !carrier.endsWith("}")) {
            return null;
        }
        return carrier.substring(head.length(), carrier.length() - 1);
    }
}
