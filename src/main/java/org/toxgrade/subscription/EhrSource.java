package org.toxgrade.subscription;

import java.util.List;
import java.util.Optional;

/**
 * One EHR this service receives from, as configured.
 *
 * @param name the source name (path segment of its notification endpoint)
 * @param baseUrl its FHIR base URL, without a trailing slash
 * @param criteria the Subscription criteria, one Subscription each
 */
public record EhrSource(String name, String baseUrl, Optional<String> secret, String secretHeader,
        List<String> criteria, SubscriptionSettings.Payload payload, boolean register, SourceClient client) {

    /** The value the EHR must send in {@link #secretHeader()}. */
    public Optional<String> expectedHeaderValue() {
        return secret.map(s -> "authorization".equalsIgnoreCase(secretHeader) ? "Bearer " + s : s);
    }

    /** The same source with another channel secret (a rotated generation). */
    public EhrSource withSecret(Optional<String> other) {
        return new EhrSource(name, baseUrl, other, secretHeader, criteria, payload, register, client);
    }

    /** The resource type a criteria is about ({@code Observation?category=...} is about Observation). */
    public static String typeOf(String criteria) {
        int q = criteria.indexOf('?');
        return (q < 0 ? criteria : criteria.substring(0, q)).trim();
    }
}
