package se.vardbrygga.mappings.rules;

/**
 * A write a rule refuses: the rule id of RULES.md, the element that breaks it (a FHIRPath from the
 * resource root, e.g. {@code Task.requester}) and a message that quotes no personal data.
 */
public record RuleViolation(String ruleId, String expression, String message) {
}
