package org.toxgrade.fhir.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.util.List;
import java.util.stream.Collectors;

/** One context, package and validator for all validation tests (they are expensive to build). */
final class ValidationFixtures {

    static final FhirContext CTX = FhirContext.forR4Cached();
    static final ProfilePackage PACKAGE = ProfilePackage.load(CTX);
    private static FhirValidator validator;

    private ValidationFixtures() {
    }

    static synchronized FhirValidator validator() {
        if (validator == null) {
            validator = ProfileValidatorFactory.create(CTX, PACKAGE);
        }
        return validator;
    }

    static List<SingleValidationMessage> errors(ValidationResult result) {
        return result.getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .toList();
    }

    static long count(ValidationResult result, ResultSeverityEnum severity) {
        return result.getMessages().stream().filter(m -> m.getSeverity() == severity).count();
    }

    static String describe(List<SingleValidationMessage> messages) {
        return messages.stream()
                .map(m -> m.getSeverity() + " " + m.getLocationString() + " " + m.getMessageId() + ": "
                        + m.getMessage())
                .collect(Collectors.joining("\n  ", "\n  ", ""));
    }
}
