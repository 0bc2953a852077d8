package se.vardbrygga.conformance.suite;

import java.time.Instant;
import java.util.List;

/**
 * One TestScript run against one server: its setup, tests and teardown. The script's outcome is the worst of its
 * tests' (a failed setup fails the script and skips its tests).
 */
public record ScriptResult(String id, String url, String title, List<ActionResult> setup, List<TestResult> tests,
                           List<ActionResult> teardown, Instant started, long millis) {

    public Outcome outcome() {
        Outcome worst = setup.stream().map(ActionResult::outcome).reduce(Outcome.PASS, Outcome::worse);
        if (worst == Outcome.WARNING) {
            worst = Outcome.PASS;
        }
        for (TestResult test : tests) {
            worst = worst.worse(test.outcome() == Outcome.WARNING ? Outcome.PASS : test.outcome());
        }
        return worst;
    }
}
