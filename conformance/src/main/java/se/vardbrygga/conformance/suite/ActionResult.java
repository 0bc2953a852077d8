package se.vardbrygga.conformance.suite;

import java.util.Optional;

/**
 * What became of one action of a TestScript: an operation (with the exchange it made) or an assert (with what it
 * found). {@code label} is the action's label or description, {@code message} says what happened in words.
 */
public record ActionResult(Kind kind, String label, Outcome outcome, String message, Optional<Exchange> exchange) {

    public enum Kind { OPERATION, ASSERT }

    public static ActionResult operation(String label, Outcome outcome, String message, Exchange exchange) {
        return new ActionResult(Kind.OPERATION, label, outcome, message, Optional.ofNullable(exchange));
    }

    public static ActionResult assertion(String label, Outcome outcome, String message) {
        return new ActionResult(Kind.ASSERT, label, outcome, message, Optional.empty());
    }
}
