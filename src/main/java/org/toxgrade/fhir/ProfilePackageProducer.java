package org.toxgrade.fhir;

import ca.uhn.fhir.context.FhirContext;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;
import org.toxgrade.fhir.validation.ProfilePackage;

/** The service's FHIR package ({@code fhir-profiles/}), parsed once for the process. */
@Singleton
public class ProfilePackageProducer {

    private static final Logger LOG = Logger.getLogger(ProfilePackageProducer.class);

    @Produces
    @Singleton
    ProfilePackage profilePackage(FhirContext context) {
        long started = System.nanoTime();
        ProfilePackage pkg = ProfilePackage.load(context);
        LOG.infof("FHIR package %s %s loaded in %d ms", pkg.name(), pkg.version(),
                (System.nanoTime() - started) / 1_000_000);
        return pkg;
    }
}
