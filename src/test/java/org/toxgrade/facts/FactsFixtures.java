package org.toxgrade.facts;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.hl7.fhir.r4.model.Resource;
import org.toxgrade.fhir.validation.ProfilePackage;

/** Shared, expensive test state: one FHIR context, the package, a terminology with the test site map. */
final class FactsFixtures {

    static final FhirContext CONTEXT = FhirContext.forR4Cached();
    static final ProfilePackage PACKAGE = ProfilePackage.load(CONTEXT);
    static final Terminology TERMINOLOGY = Terminology.load(PACKAGE, Optional.of(path("facts/site-conceptmap.json")),
            CONTEXT);
    static final FactMapper MAPPER = new FactMapper(TERMINOLOGY, FactMappingConfig.defaults());

    private FactsFixtures() {
    }

    static Path path(String classpathResource) {
        try {
            return Path.of(FactsFixtures.class.getClassLoader().getResource(classpathResource).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource " + classpathResource, e);
        }
    }

    static String text(String classpathResource) {
        try (InputStream in = FactsFixtures.class.getClassLoader().getResourceAsStream(classpathResource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + classpathResource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Resource valid(String name) {
        return parse("facts/valid/" + name + ".json");
    }

    static Resource invalid(String name) {
        return parse("facts/invalid/" + name + ".json");
    }

    static Resource parse(String classpathResource) {
        return (Resource) CONTEXT.newJsonParser().parseResource(text(classpathResource));
    }
}
