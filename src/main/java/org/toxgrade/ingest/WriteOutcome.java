package org.toxgrade.ingest;

import java.time.OffsetDateTime;

/**
 * What storing one resource did.
 *
 * @param versionId the service's version of the resource now current for this write
 * @param lastUpdated when that version was stored
 */
public record WriteOutcome(PreparedWrite write, Kind kind, int versionId, OffsetDateTime lastUpdated) {

    public enum Kind {
        /** First version of this type/id: 201. */
        CREATED,
        /** A new version of an existing resource: 200. */
        UPDATED,
        /** A redelivery of content already stored: 200, nothing written. */
        UNCHANGED,
        /** A conditional create ({@code If-None-Exist}) that found the resource already there: 200, nothing written. */
        EXISTING,
        /** An older sender version arriving after a newer one: kept for the record, not current: 200. */
        STALE
    }

    public int httpStatus() {
        return kind == Kind.CREATED ? 201 : 200;
    }

    /** Relative location of the version, as FHIR puts it in Location and Bundle responses. */
    public String location() {
        return write.type().fhirName() + "/" + write.id() + "/_history/" + versionId;
    }

    public String etag() {
        return "W/\"" + versionId + "\"";
    }
}
