package org.toxgrade.publish;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;
import org.toxgrade.ehr.sim.SimulatedEhrResource;

/** The service writing back to a {@link org.toxgrade.ehr.sim.SimulatedEhr}, with short delays so faults play out quickly. */
public class SimulatedEhrProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("toxgrade.outbox.dispatch-interval", "250ms"),
                Map.entry("toxgrade.outbox.retry.base", "100ms"),
                Map.entry("toxgrade.outbox.retry.max", "400ms"),
                Map.entry("toxgrade.outbox.retry.max-attempts", "4"),
                Map.entry("toxgrade.outbox.lease", "20s"),
                Map.entry("toxgrade.ehr.connect-timeout", "1s"),
                Map.entry("toxgrade.ehr.read-timeout", "1500ms"),
                Map.entry("toxgrade.ehr.circuit-breaker.failure-threshold", "3"),
                Map.entry("toxgrade.ehr.circuit-breaker.delay", "700ms"));
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(SimulatedEhrResource.class));
    }
}
