package org.toxgrade.subscription;

import java.util.List;

/**
 * A notification as it was understood.
 *
 * @param kind what the EHR sent: {@code empty}, {@code resource}, {@code id-only}, {@code bundle}, or the
 *        type of a topic-based notification ({@code handshake}, {@code heartbeat}, {@code event-notification},
 *        {@code query-status}, {@code query-event})
 * @param stored resources stored (or already held)
 * @param refused resources the service refused
 * @param gap whether events were missed (a catch-up was requested)
 * @param catchUp whether a catch-up was requested (for a gap, or because the notification did not say what changed)
 */
public record Notification(String kind, int stored, int refused, boolean gap, boolean catchUp) {

    public String describe() {
        return SubscriptionError.NOTIFICATION_RECEIVED.message(kind, stored, refused,
                gap ? ", events were missed" : "", catchUp ? ", catch-up requested" : "");
    }

    static List<String> topicTypes() {
        return List.of("handshake", "heartbeat", "event-notification", "query-status", "query-event");
    }
}
