package org.toxgrade.derivation;

import static org.toxgrade.fhir.ErrorCode.failure;

import org.toxgrade.fhir.ErrorCode;

/** The codes of {@code derivation}: failures while a patient is re-derived. */
public enum DerivationError implements ErrorCode {

    TIMELINE_UNENCODABLE(failure("TG-DERIVE-001", "timeline could not be encoded"));

    private final Spec spec;

    DerivationError(Spec spec) {
        this.spec = spec;
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
