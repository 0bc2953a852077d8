package se.vardbrygga.adapter.fhir;

import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import se.vardbrygga.profiles.Canonical;

/** Builds the OperationOutcome of an error a client caused: what is wrong and which field. */
public final class Outcomes {

    private Outcomes() {
    }

    public static OperationOutcome outcome(IssueType code, String message, String expression) {
        OperationOutcome oo = new OperationOutcome();
        addError(oo, code, message, expression, null);
        return oo;
    }

    /**
     * Adds an error naming the element ({@code expression}) and, for a domain rule, its id in
     * {@code details} with the rule code system of the public contract; null leaves either out.
     */
    public static void addError(OperationOutcome oo, IssueType code, String message, String expression, String ruleId) {
        OperationOutcome.OperationOutcomeIssueComponent issue = oo.addIssue()
                .setSeverity(IssueSeverity.ERROR)
                .setCode(code)
                .setDiagnostics(message);
        if (expression != null) {
            issue.addExpression(expression);
        }
        if (ruleId != null) {
            issue.getDetails().addCoding().setSystem(Canonical.RULE).setCode(ruleId);
        }
    }

    /** 403: the caller may not do this; {@code expression} names the element, field or Bundle entry that decided it. */
    public static ForbiddenOperationException forbidden(String message, String expression) {
        return new ForbiddenOperationException(message, outcome(IssueType.FORBIDDEN, message, expression));
    }

    /** 400: the request itself is malformed; {@code expression} names the parameter or element. */
    public static InvalidRequestException invalid(String message, String expression) {
        return new InvalidRequestException(message, outcome(IssueType.INVALID, message, expression));
    }
}
