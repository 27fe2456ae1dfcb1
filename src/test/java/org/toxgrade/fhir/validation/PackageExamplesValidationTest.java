package org.toxgrade.fhir.validation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PackageExamplesValidationTest {

    static Stream<ProfilePackage.PackageFile> examples() {
        return ValidationFixtures.PACKAGE.exampleFiles().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyExampleValidatesWithoutErrors(ProfilePackage.PackageFile example) {
        IBaseResource resource = example.resource();
        ValidationResult result = ValidationFixtures.validator().validateWithResult(resource);
        List<SingleValidationMessage> errors = ValidationFixtures.errors(result);
        System.out.printf("%s: %d errors, %d warnings, %d information%s%n", example.fileName(), errors.size(),
                ValidationFixtures.count(result, ResultSeverityEnum.WARNING),
                ValidationFixtures.count(result, ResultSeverityEnum.INFORMATION),
                ValidationFixtures.describe(result.getMessages()));
        assertTrue(errors.isEmpty(), example.fileName() + " has errors:" + ValidationFixtures.describe(errors));
    }
}
