package org.toxgrade.ehr.sim;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Starts a {@link SimulatedEhr} for the test application and points {@code toxgrade.ehr.base-url} at it. */
public class SimulatedEhrResource implements QuarkusTestResourceLifecycleManager {

    private SimulatedEhr ehr;

    @Override
    public Map<String, String> start() {
        ehr = SimulatedEhr.start(0);
        return Map.of("toxgrade.ehr.base-url", ehr.baseUrl() + "/fhir");
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
