package org.toxgrade.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.toxgrade.support.Api.as;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.ValidationResult;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;
import org.toxgrade.fhir.validation.ProfileValidatorFactory;
import org.toxgrade.support.SeedCases;

/**
 * Every Condition, Flag and Provenance the service emits for both seed cases conforms to the
 * service's own profiles (fhir-profiles), validated offline with zero errors.
 */
@QuarkusTest
class EmittedResourcesConformTest {

    @Inject
    FhirContext context;

    @Test
    void everyResourceEmittedForTheSeedCasesValidatesAgainstTheProfiles() {
        FhirValidator validator = ProfileValidatorFactory.create(context);
        List<String> errors = new ArrayList<>();
        int validated = 0;
        for (String seed : List.of("pres", "polyradiculopathy")) {
            String answer = as("toxgrade/grade").urlEncodingEnabled(false).contentType("application/fhir+json")
                    .body(SeedCases.asCollection(SeedCases.days(seed))).when().post("/fhir/$grade")
                    .then().statusCode(200).extract().asString();
            Bundle bundle = context.newJsonParser().parseResource(Bundle.class, answer);
            // The collection as a whole: Provenance targets resolve to the entries' fullUrls.
            ValidationResult result = validator.validateWithResult(bundle);
            for (var message : result.getMessages()) {
                if (message.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal()) {
                    errors.add(seed + ": " + message.getLocationString() + " " + message.getMessage());
                }
            }
            validated += bundle.getEntry().size();
        }
        assertTrue(validated > 20, "both seeds emit results: " + validated);
        assertEquals(List.of(), errors);
    }
}
