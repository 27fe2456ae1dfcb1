package org.toxgrade.subscription;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** The service receiving from a simulated EHR whose channel secret the tests rotate, with a six-second overlap. */
public class SecretRotationProfile implements QuarkusTestProfile {

    static final String SECRET = "rotation-secret-for-tests-0b7e";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("toxgrade.subscription.enabled", "true"),
                Map.entry("toxgrade.subscription.public-base-url", SubscriptionProfile.PUBLIC_BASE),
                Map.entry("toxgrade.subscription.sources.ehr.secret", SECRET),
                Map.entry("toxgrade.subscription.sources.lab.register", "false"),
                Map.entry("toxgrade.subscription.sources.lab.secret", "lab-secret-never-rotated-3c1d"),
                Map.entry("toxgrade.subscription.secret-rotation.overlap", "6s"),
                Map.entry("toxgrade.subscription.secret-rotation.check-every", "1h"),
                Map.entry("toxgrade.subscription.recheck-after", "1h"),
                Map.entry("toxgrade.subscription.check-interval", "1h"),
                Map.entry("toxgrade.subscription.catch-up-interval", "1h"),
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
