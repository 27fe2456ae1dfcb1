package org.toxgrade.fhir;

import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * Builds the OperationOutcomes the service answers with. Every issue carries its service code twice: at
 * the start of {@code diagnostics} for people and logs, and in {@code details.coding} (system
 * {@link #CODE_SYSTEM}, the CodeSystem of the package) for clients that switch on it.
 */
public final class OperationOutcomes {

    /** The CodeSystem of the service's codes (fhir-profiles: CodeSystem-error-code.json). */
    public static final String CODE_SYSTEM = "http://toxgrade.org/fhir/CodeSystem/error-code";

    private OperationOutcomes() {
    }

    public static OperationOutcome of(FhirException e) {
        OperationOutcome outcome = new OperationOutcome();
        OperationOutcome.OperationOutcomeIssueComponent issue = issue(outcome, IssueSeverity.ERROR, e.code(),
                e.issueType(), e.getMessage());
        if (e.expression() != null) {
            issue.addExpression(e.expression());
        }
        return outcome;
    }

    /** An outcome of one information issue, e.g. what a write did. */
    public static OperationOutcome information(ErrorCode code, String diagnostics) {
        OperationOutcome outcome = new OperationOutcome();
        issue(outcome, IssueSeverity.INFORMATION, code, IssueType.INFORMATIONAL, diagnostics);
        return outcome;
    }

    /** Adds an issue with the code's issue type and the code in {@code details.coding}. */
    public static OperationOutcome.OperationOutcomeIssueComponent issue(OperationOutcome outcome,
            IssueSeverity severity, ErrorCode code, String diagnostics) {
        return issue(outcome, severity, code, code.issueType(), diagnostics);
    }

    private static OperationOutcome.OperationOutcomeIssueComponent issue(OperationOutcome outcome,
            IssueSeverity severity, ErrorCode code, IssueType type, String diagnostics) {
        OperationOutcome.OperationOutcomeIssueComponent issue = outcome.addIssue()
                .setSeverity(severity)
                .setCode(type)
                .setDiagnostics(diagnostics);
        issue.getDetails().addCoding(new Coding(CODE_SYSTEM, code.code(), null));
        return issue;
    }
}
