package org.toxgrade.fhir.validation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.validation.SingleValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Deliberately bad resources under {@code fhir-validation/invalid/}: each must fail with an error
 * at the element the profile constrains, so a profile that silently stops constraining is caught.
 */
class InvalidFixturesValidationTest {

    @ParameterizedTest(name = "{0} fails at {1}")
    @CsvSource(delimiter = '|',
            textBlock = """
                    Condition-crs-without-identifier.json      | Condition                 | Condition.identifier:derivedResult
                    Condition-icans-stage-outside-grades.json  | Condition.stage[0].summary | http://toxgrade.org/fhir/ValueSet/astct-grades
                    Condition-crs-with-icans-icd-code.json     | Condition.code.coding[1]  | http://toxgrade.org/fhir/ValueSet/icd10cm-crs
                    Condition-crs-coded-as-icans.json          | Condition.code            | Condition.code.coding:toxgrade
                    Observation-temperature-in-kelvin.json     | Observation.value.ofType(Quantity).code | http://hl7.org/fhir/ValueSet/ucum-bodytemp
                    Flag-without-priority.json                 | Flag                      | Flag.extension:priority
                    Flag-code-outside-flags.json               | Flag.code                 | http://toxgrade.org/fhir/ValueSet/neurotoxicity-flags
                    Flag-inactive-without-end.json             | Flag                      | tg-flag-1
                    Observation-oxygen-device-unknown-code.json | Observation.value.ofType(CodeableConcept) | oxygen-device#helmet
                    """)
    void invalidFixtureFailsWithAnErrorNamingTheElement(String file, String location, String messageFragment)
            throws IOException {
        IBaseResource resource = read(file);

        List<SingleValidationMessage> errors = ValidationFixtures
                .errors(ValidationFixtures.validator().validateWithResult(resource));

        System.out.printf("%s: %d errors%s%n", file, errors.size(), ValidationFixtures.describe(errors));
        assertFalse(errors.isEmpty(), file + " should not validate");
        assertTrue(
                errors.stream().anyMatch(
                        e -> location.equals(e.getLocationString()) && e.getMessage().contains(messageFragment)),
                file + ": expected an error at " + location + " mentioning " + messageFragment + ", got"
                        + ValidationFixtures.describe(errors));
    }

    @Test
    void bundleEntriesAreValidatedAgainstTheProfileTheyName() throws IOException {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        bundle.addEntry().setFullUrl("urn:uuid:9b1f6a1e-0000-4000-8000-000000000001")
                .setResource((Resource) read("Flag-without-priority.json"));

        List<SingleValidationMessage> errors = ValidationFixtures
                .errors(ValidationFixtures.validator().validateWithResult(bundle));

        assertTrue(errors.stream().anyMatch(e -> e.getLocationString().startsWith("Bundle.entry[0].resource")
                && e.getMessage().contains("Flag.extension:priority")),
                "expected the Flag profile to apply inside the Bundle, got" + ValidationFixtures.describe(errors));
    }

    private static IBaseResource read(String file) throws IOException {
        String path = "fhir-validation/invalid/" + file;
        try (InputStream in = InvalidFixturesValidationTest.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " missing");
            }
            return ValidationFixtures.CTX.newJsonParser()
                    .parseResource(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
