package org.toxgrade.ingest;

import java.time.Instant;
import org.toxgrade.ingest.store.ReceivedResource;

/**
 * Whether a version a sender delivers is older than the one already current. Deliveries are not
 * ordered (DESIGN.md: subscription servers do not guarantee order), so the sender's own clock
 * decides: numeric {@code meta.versionId} first, else {@code meta.lastUpdated}. Without either, the
 * order of arrival is all there is.
 */
final class SenderOrder {

    private SenderOrder() {
    }

    static boolean isOlder(PreparedWrite incoming, ReceivedResource current) {
        Long incomingVersion = numeric(incoming.sourceVersionId());
        Long currentVersion = numeric(current.sourceVersionId);
        if (incomingVersion != null && currentVersion != null) {
            return incomingVersion < currentVersion;
        }
        Instant incomingUpdated = incoming.sourceLastUpdated();
        if (incomingUpdated != null && current.sourceLastUpdated != null) {
            return incomingUpdated.isBefore(current.sourceLastUpdated.toInstant());
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
