package se.vardbrygga.adapter.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import se.vardbrygga.mappings.rules.RuleViolation;
import se.vardbrygga.mappings.rules.RuleViolationException;

/**
 * A write a domain rule refused: 422 (409 for a state conflict) with one issue per violation, naming
 * the element in {@code expression} and the rule id in {@code details} (ARCHITECTURE.md, "The public contract").
 */
final class RuleOutcomes {
    private RuleOutcomes() {
    }

    static BaseServerResponseException refused(FhirContext context, RuleViolationException e) {
        OperationOutcome outcome = new OperationOutcome();
        for (RuleViolation v : e.violations()) {
            Outcomes.addError(outcome, IssueType.BUSINESSRULE, v.message(), v.expression(), v.ruleId());
        }
        return e.conflict()
                ? new ResourceVersionConflictException(e.getMessage(), null, outcome)
                : new UnprocessableEntityException(context, outcome);
    }
}
