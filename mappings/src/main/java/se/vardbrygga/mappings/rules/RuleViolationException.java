package se.vardbrygga.mappings.rules;

import java.util.List;

/** Thrown when a rule refuses a write; the adapter answers 422 (or 409 for a state conflict). */
public final class RuleViolationException extends RuntimeException {
    private final transient List<RuleViolation> violations;
    private final boolean conflict;

    public RuleViolationException(List<RuleViolation> violations, boolean conflict) {
        super(violations.stream().map(v -> v.ruleId() + ": " + v.message()).reduce((a, b) -> a + "; " + b).orElse("rule violated"));
        this.violations = List.copyOf(violations);
        this.conflict = conflict;
    }

    public static RuleViolationException of(String ruleId, String expression, String message) {
        return new RuleViolationException(List.of(new RuleViolation(ruleId, expression, message)), false);
    }

    public List<RuleViolation> violations() {
        return violations;
    }

    /** True when the write conflicts with the current state (409) rather than being invalid (422). */
    public boolean conflict() {
        return conflict;
    }
}
