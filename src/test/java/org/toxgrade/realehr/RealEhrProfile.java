package org.toxgrade.realehr;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * The service against the real HAPI FHIR server: Subscriptions registered on it with a channel secret, write-back
 * dispatched every 250 ms, and HAPI's own defaults untouched (60 s search cache, rest-hook retries, a few delivery
 * threads), since those are what a hospital's server does.
 */
public class RealEhrProfile implements QuarkusTestProfile {

    static final String SECRET = "real-ehr-channel-secret-5d21";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("toxgrade.subscription.enabled", "true"),
                Map.entry("toxgrade.subscription.sources.ehr.secret", SECRET),
                Map.entry("toxgrade.subscription.check-interval", "1h"),
                Map.entry("toxgrade.subscription.catch-up-interval", "1h"),
                Map.entry("toxgrade.outbox.dispatch-interval", "250ms"),
                Map.entry("toxgrade.outbox.retry.base", "200ms"),
                Map.entry("toxgrade.outbox.retry.max", "2s"),
                Map.entry("toxgrade.ehr.read-timeout", "20s"));
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(RealEhrResource.class));
    }
}
