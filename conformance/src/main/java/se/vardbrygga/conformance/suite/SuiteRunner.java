package se.vardbrygga.conformance.suite;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.TestScript;

/**
 * Runs the suite against one server: reads its CapabilityStatement first (without one nothing can be decided: the
 * run is an error), then every TestScript in order, leaving out a script whose setup needs what the server does not
 * claim (and saying so). Progress goes to {@code progress}, one line per script.
 */
public final class SuiteRunner {
    private final ServerConnection server;
    private final ProfileCheck profiles;
    private final Consumer<String> progress;
    private final java.util.Map<Integer, java.util.function.Supplier<String>> origins;

    /** {@code origins}: the Authorization of each origin the scripts name (a second client), by its index. */
    public SuiteRunner(ServerConnection server, java.util.Map<Integer, java.util.function.Supplier<String>> origins, ProfileCheck profiles,
                       Consumer<String> progress) {
        this.server = server;
        this.origins = origins;
        this.profiles = profiles;
        this.progress = progress;
    }

    public SuiteResult run(List<TestScript> scripts) {
        Instant started = Instant.now();
        Exchange metadata = server.send("GET", "metadata", null, java.util.Map.of());
        CapabilityStatement statement;
        try {
            if (metadata.status() != 200) {
                throw new IllegalStateException("GET " + metadata.url() + " answered " + metadata.status());
            }
            statement = profiles.fhir().newJsonParser().parseResource(CapabilityStatement.class, metadata.responseBody());
        } catch (RuntimeException e) {
            ActionResult read = ActionResult.operation("read the CapabilityStatement", Outcome.ERROR,
                    "no CapabilityStatement: " + e.getMessage(), metadata);
            return new SuiteResult(server.baseUrl(), started, List.of(new ScriptResult("capability-statement", null,
                    "The server's CapabilityStatement", List.of(read), List.of(), List.of(), started, metadata.millis())), List.of());
        }
        ScriptRunner runner = new ScriptRunner(server, origins, profiles, new CapabilityCheck(statement));
        List<ScriptResult> results = new ArrayList<>();
        List<String> omitted = new ArrayList<>();
        for (TestScript listed : scripts) {
            TestScript script = DeclaredSearchParameters.generated(listed) ? DeclaredSearchParameters.expand(listed, statement) : listed;
            List<String> missing = runner.missingForSetup(script);
            String name = script.getIdElement().getIdPart();
            if (!missing.isEmpty()) {
                omitted.add(name + ": needs " + String.join(", ", missing) + " (not claimed by the CapabilityStatement, or not given)");
                progress.accept("omitted " + name + " (needs " + String.join(", ", missing) + ")");
                continue;
            }
            ScriptResult result = runner.run(script);
            results.add(result);
            progress.accept(String.format("%-5s %s (%d tests, %d ms)", result.outcome().code(), name, result.tests().size(), result.millis()));
        }
        return new SuiteResult(server.baseUrl(), started, results, omitted);
    }
}
