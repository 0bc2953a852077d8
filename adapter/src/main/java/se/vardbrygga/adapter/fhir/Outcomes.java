package se.vardbrygga.adapter.fhir;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/** Builds the OperationOutcome of an error a client caused: what is wrong and which field. */
public final class Outcomes {

    private Outcomes() {
    }

    public static OperationOutcome outcome(IssueType code, String message, String expression) {
        OperationOutcome oo = new OperationOutcome();
        OperationOutcome.OperationOutcomeIssueComponent issue = oo.addIssue()
                .setSeverity(IssueSeverity.ERROR)
                .setCode(code)
                .setDiagnostics(message);
        if (expression != null) {
            issue.addExpression(expression);
        }
        return oo;
    }

    /** 400: the request itself is malformed; {@code expression} names the parameter or element. */
    public static InvalidRequestException invalid(String message, String expression) {
        return new InvalidRequestException(message, outcome(IssueType.INVALID, message, expression));
    }
}
