package se.vardbrygga.mappings.intake;

/** What is wrong with an intake field (dotted path, e.g. {@code patient.personnummer}); ruleId may be null. */
public record FieldError(String field, String message, String ruleId) {
}
