package se.vardbrygga.conformance;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.hl7.fhir.r4.model.TestScript;
import se.vardbrygga.conformance.report.Reports;
import se.vardbrygga.conformance.suite.Credentials;
import se.vardbrygga.conformance.suite.Outcome;
import se.vardbrygga.conformance.suite.ProfileCheck;
import se.vardbrygga.conformance.suite.ScriptRunner;
import se.vardbrygga.conformance.suite.ServerConnection;
import se.vardbrygga.conformance.suite.SuiteResult;
import se.vardbrygga.conformance.suite.SuiteRunner;
import se.vardbrygga.conformance.suite.TestScripts;

/** The suite run from the command line: options → run → reports → summary and exit code. */
public final class RunCommand {
    private final PrintStream out;
    private final PrintStream err;

    public RunCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(String[] args) {
        if (args.length == 0 || List.of(args).contains("--help")) {
            out.println(RunOptions.USAGE);
            return args.length == 0 ? 2 : 0;
        }
        RunOptions options;
        try {
            options = RunOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(RunOptions.USAGE);
            return 2;
        }
        FhirContext fhir = FhirContext.forR4Cached();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        List<TestScript> scripts = TestScripts.all(fhir).stream()
                .filter(s -> options.only().isEmpty() || options.only().contains(s.getIdElement().getIdPart())).toList();
        // --var NAME=VALUE: the value of a variable that is not computed from an answer (with a default, or to be given)
        for (TestScript script : scripts) {
            script.getVariable().stream().filter(v -> options.vars().containsKey(v.getName()) && ScriptRunner.givenByTester(v))
                    .forEach(v -> v.setDefaultValue(options.vars().get(v.getName())));
        }
        if (scripts.isEmpty()) {
            err.println("no script named " + options.only());
            return 2;
        }
        SuiteResult result;
        try {
            Map<Integer, Supplier<String>> origins = new LinkedHashMap<>();
            options.origins().forEach((n, v) -> origins.put(Integer.parseInt(n),
                    Credentials.parse(http, options.baseUrl(), v, options.scope(), options.tokenUrl())));
            Credentials main = Credentials.of(http, options.baseUrl(), options.token(), options.clientId(), options.clientSecret(),
                    options.scope(), options.tokenUrl());
            ServerConnection server = new ServerConnection(http, options.baseUrl(), main, Duration.ofSeconds(options.timeoutSeconds()));
            out.println("Vårdbrygga conformance suite against " + options.baseUrl() + " (" + scripts.size() + " scripts)");
            result = new SuiteRunner(server, origins, new ProfileCheck(fhir), out::println).run(scripts);
        } catch (Credentials.CredentialsException e) {
            err.println("cannot authenticate: " + e.getMessage());
            return 2;
        }
        try {
            Reports.writeAll(result, options.out());
        } catch (IOException e) {
            err.println("cannot write the reports to " + options.out() + ": " + e.getMessage());
            return 2;
        }
        Map<Outcome, Integer> counts = result.counts();
        out.printf("%d passed, %d failed, %d errors, %d skipped, %d warnings; %d scripts omitted (each line above says what it needed)%n",
                counts.get(Outcome.PASS), counts.get(Outcome.FAIL), counts.get(Outcome.ERROR), counts.get(Outcome.SKIP),
                counts.get(Outcome.WARNING), result.omitted().size());
        out.println("reports: " + options.out().toAbsolutePath().resolve("report.html"));
        boolean passed = result.passed(options.strict());
        if (!passed && options.strict() && counts.get(Outcome.SKIP) > 0) {
            out.println("--strict: skipped tests count as failures");
        }
        return passed ? 0 : 1;
    }
}
