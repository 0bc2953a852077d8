package se.vardbrygga.conformance.suite;

import java.util.List;

/**
 * One test of a script: its name, what it checks, the rule ids it is tagged with (e.g. R-DEL-1), its outcome, and
 * each action's result. A skipped test has no actions and says in {@code skipReason} what it needed.
 */
public record TestResult(String name, String description, List<String> rules, Outcome outcome, String skipReason,
                         List<ActionResult> actions, long millis) {
}
