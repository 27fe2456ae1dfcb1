package org.toxgrade.fhir.validation;

import static org.toxgrade.fhir.ErrorCode.failure;

import org.toxgrade.fhir.ErrorCode;

/** The codes of {@code fhir.validation}: loading the service's FHIR package and building the validator of what the service sends. */
public enum ValidationError implements ErrorCode {

    PACKAGE_NOT_R4(failure("TG-VAL-001", "the ToxGrade package is FHIR R4; got %s")),
    VALIDATOR_NOT_BUILT(failure("TG-VAL-010", "the outbound validator could not be built (%s)")),
    VALIDATOR_BUILD_INTERRUPTED(failure("TG-VAL-011", "interrupted while the validator was built")),
    PACKAGE_NOT_ON_CLASSPATH(
            failure("TG-PKG-001", "%s is not on the classpath; is fhir-profiles/ packaged as a resource?")),
    PACKAGE_FILE_UNREADABLE(failure("TG-PKG-002", "cannot read %s"));

    private final Spec spec;

    ValidationError(Spec spec) {
        this.spec = spec;
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
