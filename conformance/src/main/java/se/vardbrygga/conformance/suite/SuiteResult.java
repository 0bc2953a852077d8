package se.vardbrygga.conformance.suite;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A whole run: the server, when, every script's result, and what the suite left out because the server's
 * CapabilityStatement does not claim it (each with what it needed).
 */
public record SuiteResult(String baseUrl, Instant started, List<ScriptResult> scripts, List<String> omitted) {

    /** How many tests had each outcome. */
    public Map<Outcome, Integer> counts() {
        Map<Outcome, Integer> counts = new TreeMap<>();
        for (Outcome o : Outcome.values()) {
            counts.put(o, 0);
        }
        scripts.forEach(s -> s.tests().forEach(t -> counts.merge(t.outcome(), 1, Integer::sum)));
        return counts;
    }

    /** Whether the run passes: no failure or error, and with {@code strict} no skip either. */
    public boolean passed(boolean strict) {
        Map<Outcome, Integer> counts = counts();
        return counts.get(Outcome.FAIL) == 0 && counts.get(Outcome.ERROR) == 0 && (!strict || counts.get(Outcome.SKIP) == 0)
                && scripts.stream().allMatch(s -> s.outcome() != Outcome.FAIL && s.outcome() != Outcome.ERROR);
    }
}
