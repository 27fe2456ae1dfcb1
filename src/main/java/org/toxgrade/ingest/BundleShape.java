package org.toxgrade.ingest;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The JSON shape of a Bundle's entries, checked before HAPI parses the Bundle: HAPI answers an entry
 * whose resource is a string, number, array or null with a NullPointerException, and skips an entry
 * that is not an object, so that entries would no longer line up with the sender's. A Bundle of this
 * shape is not one the service can read: it is refused as a whole, naming the entry.
 */
final class BundleShape {

    private BundleShape() {
    }

    static void check(JsonNode bundle) {
        JsonNode entries = bundle.get("entry");
        if (entries == null) {
            return;
        }
        if (!entries.isArray()) {
            throw IngestError.ENTRIES_NOT_OBJECTS.refuseAt("Bundle.entry");
        }
        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i);
            if (!entry.isObject()) {
                throw IngestError.ENTRIES_NOT_OBJECTS.refuseAt("Bundle.entry[" + i + "]");
            }
            JsonNode resource = entry.get("resource");
            if (resource != null && !resource.isObject()) {
                throw IngestError.ENTRY_RESOURCE_NOT_AN_OBJECT.refuseAt("Bundle.entry[" + i + "].resource");
            }
        }
    }
}
