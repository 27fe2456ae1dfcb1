package org.toxgrade.realehr;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Points the service at the shared {@link HapiTestEhr}: reads and write-back ({@code toxgrade.ehr.base-url}) and
 * the EHR's Subscriptions, whose rest-hooks must reach this service: its test port is fixed here so that the
 * notification endpoint ({@code public-base-url}) is known before start-up.
 */
public class RealEhrResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        HapiTestEhr ehr = HapiTestEhr.shared();
        int port;
        try {
            port = HapiTestEhr.freePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RealEhr.use(ehr.fhirBase());
        return Map.of("toxgrade.ehr.base-url", ehr.fhirBase(),
                "quarkus.http.test-port", String.valueOf(port),
                "toxgrade.subscription.public-base-url", "http://localhost:" + port);
    }

    @Override
    public void stop() {
        // The EHR is shared by the test classes of this JVM; it stops with the JVM.
    }
}
