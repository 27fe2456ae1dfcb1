package org.toxgrade.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.PerformanceOptionsEnum;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.hl7.fhir.r4.model.Observation;
import org.jboss.logging.Logger;

/**
 * The one R4 {@link FhirContext} of the process: expensive to build, thread-safe once built.
 * Parsers made from it are cheap and not thread-safe, so callers take a new one per use
 * ({@link FhirJson}).
 */
@Singleton
public class FhirContextProducer {

    private static final Logger LOG = Logger.getLogger(FhirContextProducer.class);

    private final FhirContext context;

    public FhirContextProducer() {
        context = FhirContext.forR4();
        // Model scanning on first use instead of all at once keeps start-up short.
        context.setPerformanceOptions(PerformanceOptionsEnum.DEFERRED_MODEL_SCANNING);
        // Audit and provenance name the exact version they saw: keep "_history/n" in references.
        context.getParserOptions().setStripVersionsFromReferences(false);
    }

    @Produces
    @Singleton
    FhirContext fhirContext() {
        return context;
    }

    /** The first parse costs about a second: pay it at start-up, on the main thread, not on a request. */
    void warmUp(@Observes StartupEvent event) {
        long started = System.nanoTime();
        String json = "{\"resourceType\":\"Observation\",\"status\":\"final\","
                + "\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"8310-5\"}]}}";
        Observation observation = context.newJsonParser().parseResource(Observation.class, json);
        context.newJsonParser().encodeResourceToString(observation);
        LOG.infof("FHIR R4 context warm in %d ms", (System.nanoTime() - started) / 1_000_000);
    }
}
