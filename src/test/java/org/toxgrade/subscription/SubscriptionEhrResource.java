package org.toxgrade.subscription;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.toxgrade.ehr.sim.SimulatedEhr;

/**
 * A {@link SimulatedEhr} of its own for the subscription tests: the EHR of {@code toxgrade.ehr.*} (source
 * {@code ehr}), and the same server as a second source {@code lab} with a dedicated secret header.
 */
public class SubscriptionEhrResource implements QuarkusTestResourceLifecycleManager {

    private SimulatedEhr ehr;

    @Override
    public Map<String, String> start() {
        ehr = SimulatedEhr.start(0);
        return Map.of("toxgrade.ehr.base-url", ehr.baseUrl() + "/fhir",
                "toxgrade.subscription.sources.lab.base-url", ehr.baseUrl() + "/fhir");
    }

    @Override
    public void stop() {
        if (ehr != null) {
            try {
                ehr.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
