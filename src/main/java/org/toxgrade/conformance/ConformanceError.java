package org.toxgrade.conformance;

import static org.toxgrade.fhir.ErrorCode.refusal;

import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.toxgrade.fhir.ErrorCode;

/** The codes of {@code conformance}: what the service says about itself. */
public enum ConformanceError implements ErrorCode {

    SMART_NOT_CONFIGURED(refusal("TG-SMART-001", 404, IssueType.NOTFOUND,
            "no SMART configuration: set toxgrade.smart.token-endpoint to the token endpoint of the authorization server"));

    private final Spec spec;

    ConformanceError(Spec spec) {
        this.spec = spec;
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
