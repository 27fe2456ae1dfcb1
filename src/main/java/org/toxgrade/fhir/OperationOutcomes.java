package org.toxgrade.fhir;

import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/** Builds the OperationOutcomes the service answers with. */
public final class OperationOutcomes {

    private OperationOutcomes() {
    }

    public static OperationOutcome error(IssueType type, String diagnostics, String expression) {
        OperationOutcome outcome = new OperationOutcome();
        OperationOutcome.OperationOutcomeIssueComponent issue = outcome.addIssue()
                .setSeverity(IssueSeverity.ERROR)
                .setCode(type)
                .setDiagnostics(diagnostics);
        if (expression != null) {
            issue.addExpression(expression);
        }
        return outcome;
    }

    public static OperationOutcome of(FhirException e) {
        return error(e.issueType(), e.getMessage(), e.expression());
    }

    public static OperationOutcome information(String diagnostics) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(IssueSeverity.INFORMATION).setCode(IssueType.INFORMATIONAL)
                .setDiagnostics(diagnostics);
        return outcome;
    }
}
