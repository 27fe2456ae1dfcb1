package org.toxgrade.fhir.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.ConceptValidationOptions;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.context.support.ValidationSupportContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hl7.fhir.r4.model.ConceptMap;
import org.hl7.fhir.r4.model.ValueSet;
import org.junit.jupiter.api.Test;

class ProfileValidatorFactoryTest {

    private static final String BASE = ProfilePackage.CANONICAL_BASE;

    @Test
    void oneValidatorServesConcurrentCallers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (ProfilePackage.PackageFile example : ValidationFixtures.PACKAGE.exampleFiles()) {
                    results.add(pool.submit(() -> ValidationFixtures.errors(
                            ValidationFixtures.validator().validateWithResult(example.resource())).size()));
                }
            }
            for (Future<Integer> result : results) {
                assertEquals(0, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void supportChainAnswersForServiceValueSetsWithoutATerminologyServer() {
        IValidationSupport chain = ProfileValidatorFactory.createValidationSupport(ValidationFixtures.CTX,
                ValidationFixtures.PACKAGE);
        ValueSet devices = ValidationFixtures.PACKAGE.valueSet(BASE + "/ValueSet/oxygen-devices").orElseThrow();

        IValidationSupport.CodeValidationResult known = chain.validateCodeInValueSet(
                new ValidationSupportContext(chain),
                new ConceptValidationOptions(), BASE + "/CodeSystem/oxygen-device", "cpap", null, devices);
        IValidationSupport.CodeValidationResult unknown = chain.validateCodeInValueSet(
                new ValidationSupportContext(chain),
                new ConceptValidationOptions(), BASE + "/CodeSystem/oxygen-device", "helmet", null, devices);

        assertTrue(known != null && known.isOk(), "cpap is an oxygen device");
        assertTrue(unknown == null || !unknown.isOk(), "helmet is not an oxygen device");
    }

    @Test
    void packageExposesTerminologyForTheMappingByCanonicalUrl() {
        ConceptMap template = ValidationFixtures.PACKAGE.conceptMap(BASE + "/ConceptMap/site-codes-template")
                .orElseThrow();
        assertEquals("http://hospital.example.org/flowsheet", template.getGroupFirstRep().getSource());
        assertTrue(ValidationFixtures.PACKAGE.valueSet(BASE + "/ValueSet/vasopressors").isPresent());
        // CRS, ICANS and ICAHT Conditions, the neurotoxicity Flag, the Provenance, the code-unconfirmed extension.
        assertEquals(6, ValidationFixtures.PACKAGE.structureDefinitions().size());
        assertEquals("org.toxgrade.fhir", ValidationFixtures.PACKAGE.name());
        assertEquals("0.1.0", ValidationFixtures.PACKAGE.version());
    }

    @Test
    void refusesANonR4Context() {
        assertThrows(IllegalArgumentException.class,
                () -> ProfileValidatorFactory.createValidationSupport(FhirContext.forR5Cached(),
                        ValidationFixtures.PACKAGE));
    }
}
