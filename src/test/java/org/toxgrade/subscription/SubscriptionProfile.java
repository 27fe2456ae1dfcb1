package org.toxgrade.subscription;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * The service receiving from a simulated EHR: subscriptions on, a channel secret, small search pages so catch-up
 * pages through {@code next} links, and timers long enough that the tests decide when things run (after the
 * start-up check and catch-up).
 */
public class SubscriptionProfile implements QuarkusTestProfile {

    static final String SECRET = "channel-secret-for-tests-7f3a";
    static final String LAB_SECRET = "lab-secret-for-tests-91c2";
    static final String PUBLIC_BASE = "https://toxgrade.test.example";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("toxgrade.subscription.enabled", "true"),
                Map.entry("toxgrade.subscription.public-base-url", PUBLIC_BASE),
                Map.entry("toxgrade.subscription.sources.ehr.secret", SECRET),
                Map.entry("toxgrade.subscription.sources.lab.secret", LAB_SECRET),
                Map.entry("toxgrade.subscription.sources.lab.secret-header", "X-Channel-Secret"),
                Map.entry("toxgrade.subscription.sources.lab.criteria", "Observation?category=laboratory"),
                Map.entry("toxgrade.subscription.sources.lab.payload", "empty"),
                Map.entry("toxgrade.subscription.page-size", "2"),
                Map.entry("toxgrade.subscription.overlap", "1s"),
                Map.entry("toxgrade.subscription.initial-lookback", "1h"),
                Map.entry("toxgrade.subscription.catch-up-interval", "1h"),
                Map.entry("toxgrade.subscription.check-interval", "1h"),
                Map.entry("toxgrade.subscription.recheck-after", "1h"),
                Map.entry("toxgrade.subscription.secret-rotation.interval", "0s"),
                // Write-back stays quiet: nothing here is graded into the outbox quickly enough to matter.
                Map.entry("toxgrade.outbox.dispatch-interval", "1h"),
                Map.entry("toxgrade.ehr.circuit-breaker.delay", "500ms"),
                Map.entry("toxgrade.ehr.connect-timeout", "1s"),
                Map.entry("toxgrade.ehr.read-timeout", "3s"));
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(SubscriptionEhrResource.class));
    }
}
