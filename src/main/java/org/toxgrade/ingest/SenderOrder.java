package org.toxgrade.ingest;

import java.time.Instant;

/**
 * Whether a version a sender delivers is older than the one already current. Deliveries are not
 * ordered (docs/architecture.md: subscription servers do not guarantee order), so the sender's own clock
 * decides: numeric {@code meta.versionId} first, else {@code meta.lastUpdated}. Without either, the
 * order of arrival is all there is.
 */
final class SenderOrder {

    private SenderOrder() {
    }

    /** The same rule for two versions as the sender labelled them (any argument may be null). */
    static boolean isOlder(String version, Instant lastUpdated, String currentVersion, Instant currentLastUpdated) {
        Long incomingVersion = numeric(version);
        Long knownVersion = numeric(currentVersion);
        if (incomingVersion != null && knownVersion != null) {
            return incomingVersion < knownVersion;
        }
        if (lastUpdated != null && currentLastUpdated != null) {
            return lastUpdated.isBefore(currentLastUpdated);
        }
        return false;
    }

    private static Long numeric(String version) {
        if (version == null) {
            return null;
        }
        try {
            return Long.parseLong(version);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
