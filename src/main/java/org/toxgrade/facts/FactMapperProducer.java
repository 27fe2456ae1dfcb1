package org.toxgrade.facts;

import ca.uhn.fhir.context.FhirContext;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.toxgrade.fhir.validation.ProfilePackage;

/**
 * One terminology and one mapper for the process, built at start-up from the package's ValueSets
 * and the site ConceptMap, so that a bad site map stops the service instead of silently mapping
 * nothing.
 */
@Singleton
public class FactMapperProducer {

    @Produces
    @Singleton
    Terminology terminology(ProfilePackage pkg, FactsSettings settings, FhirContext context) {
        return Terminology.load(pkg, settings.siteConceptMap(), context);
    }

    @Produces
    @Singleton
    FactMapper factMapper(Terminology terminology, FactsSettings settings) {
        return new FactMapper(terminology, settings.toMappingConfig());
    }

    @Produces
    @Singleton
    FactCodec factCodec() {
        return new FactCodec();
    }

    void buildAtStartUp(@Observes StartupEvent event, FactMapper mapper) {
        // Injecting the mapper is enough: it forces the terminology to load now, not on a request.
    }
}
