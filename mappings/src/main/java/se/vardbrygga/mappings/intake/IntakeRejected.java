package se.vardbrygga.mappings.intake;

import java.util.List;

/** An intake document that cannot be mapped: each error names its field. Nothing has been stored. */
public final class IntakeRejected extends RuntimeException {
    private final transient List<FieldError> errors;

    public IntakeRejected(List<FieldError> errors) {
        super(errors.size() + " intake field error(s)");
        this.errors = List.copyOf(errors);
    }

    public static IntakeRejected of(String field, String message, String ruleId) {
        return new IntakeRejected(List.of(new FieldError(field, message, ruleId)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
