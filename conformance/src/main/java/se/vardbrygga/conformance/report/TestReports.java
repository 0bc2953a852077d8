package se.vardbrygga.conformance.report;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.TestReport;
import org.hl7.fhir.r4.model.TestReport.SetupActionAssertComponent;
import org.hl7.fhir.r4.model.TestReport.SetupActionOperationComponent;
import org.hl7.fhir.r4.model.TestReport.TestReportActionResult;
import org.hl7.fhir.r4.model.TestReport.TestReportParticipantType;
import org.hl7.fhir.r4.model.TestReport.TestReportResult;
import org.hl7.fhir.r4.model.TestReport.TestReportStatus;
import org.hl7.fhir.r4.model.TestReport.TestReportTestComponent;
import se.vardbrygga.conformance.suite.ActionResult;
import se.vardbrygga.conformance.suite.Outcome;
import se.vardbrygga.conformance.suite.ScriptResult;
import se.vardbrygga.conformance.suite.SuiteResult;
import se.vardbrygga.conformance.suite.TestResult;

/**
 * Turns each script's result into the FHIR R4 TestReport the TestScript specification defines, so that tools that
 * read TestReports (Touchstone-like dashboards, other FHIR servers) can take the suite's results as they are.
 *
 * <p>Choices the specification leaves open: {@code result} is {@code fail} when the script failed or erred,
 * {@code pending} when no test ran (all skipped, or none), otherwise {@code pass}; {@code score} is the share of all the
 * script's tests that passed (a warning counts as passed), in percent rounded to one decimal (40, 33.3), and absent when none ran. An
 * action's message is its label and message, masked. A skipped test, which has no actions, gets one assert with
 * result {@code skip} and the skip reason, because a test component needs at least one action. A test's rule ids
 * are extensions {@value #RULE_EXTENSION} with a Coding of system {@value #RULE_SYSTEM}.
 */
public final class TestReports {

    public static final String TESTER = "Vårdbrygga conformance suite";
    public static final String RULE_EXTENSION = "http://vardbrygga.example/fhir/StructureDefinition/conformance-rule";
    public static final String RULE_SYSTEM = "http://vardbrygga.example/fhir/CodeSystem/rule";

    private TestReports() {
    }

    /** One TestReport per script of the run, in order. */
    public static List<TestReport> of(SuiteResult suite) {
        return suite.scripts().stream().map(script -> of(script, suite.baseUrl())).toList();
    }

    /** The TestReport of one script run against the server at {@code baseUrl}. */
    public static TestReport of(ScriptResult script, String baseUrl) {
        TestReport report = new TestReport();
        if (script.id() != null && script.id().matches("[A-Za-z0-9\\-.]{1,64}")) {
            report.setId(script.id());
        }
        report.setName(script.title());
        report.setStatus(TestReportStatus.COMPLETED);
        report.setTestScript(new Reference(script.url()));
        report.setResult(result(script));
        score(script).ifPresent(report::setScore);
        report.setTester(TESTER);
        if (script.started() != null) {
            report.setIssued(Date.from(script.started()));
        }
        report.addParticipant().setType(TestReportParticipantType.SERVER).setUri(baseUrl);

        if (!script.setup().isEmpty()) {
            TestReport.TestReportSetupComponent setup = report.getSetup();
            script.setup().forEach(a -> {
                TestReport.SetupActionComponent action = setup.addAction();
                if (a.kind() == ActionResult.Kind.OPERATION) {
                    action.setOperation(operation(a));
                } else {
                    action.setAssert(assertion(a));
                }
            });
        }
        for (TestResult test : script.tests()) {
            TestReportTestComponent component = report.addTest()
                    .setName(test.name()).setDescription(test.description());
            test.rules().forEach(rule -> component.addExtension(RULE_EXTENSION, new Coding(RULE_SYSTEM, rule, null)));
            List<ActionResult> actions = test.actions().isEmpty() && test.outcome() == Outcome.SKIP
                    ? List.of(ActionResult.assertion("skipped", Outcome.SKIP, test.skipReason()))
                    : test.actions();
            actions.forEach(a -> {
                TestReport.TestActionComponent action = component.addAction();
                if (a.kind() == ActionResult.Kind.OPERATION) {
                    action.setOperation(operation(a));
                } else {
                    action.setAssert(assertion(a));
                }
            });
        }
        // teardown has operations only
        script.teardown().forEach(a -> report.getTeardown().addAction().setOperation(operation(a)));
        return report;
    }

    /**
     * Writes each script's TestReport as pretty JSON to {@code dir/testreports/<script id>.json} (characters unsafe in
     * a file name replaced by {@code _}) and returns the files written.
     */
    public static List<Path> write(SuiteResult suite, Path dir) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("testreports"));
        IParser parser = FhirContext.forR4Cached().newJsonParser().setPrettyPrint(true);
        List<Path> written = new ArrayList<>();
        for (ScriptResult script : suite.scripts()) {
            Path file = folder.resolve(script.id().replaceAll("[^A-Za-z0-9._-]", "_") + ".json");
            Files.writeString(file, parser.encodeResourceToString(of(script, suite.baseUrl())), StandardCharsets.UTF_8);
            written.add(file);
        }
        return written;
    }

    static TestReportResult result(ScriptResult script) {
        Outcome outcome = script.outcome();
        if (outcome == Outcome.FAIL || outcome == Outcome.ERROR) {
            return TestReportResult.FAIL;
        }
        return ran(script) == 0 ? TestReportResult.PENDING : TestReportResult.PASS;
    }

    static Optional<BigDecimal> score(ScriptResult script) {
        if (ran(script) == 0) {
            return Optional.empty();
        }
        long passed = script.tests().stream()
                .filter(t -> t.outcome() == Outcome.PASS || t.outcome() == Outcome.WARNING).count();
        BigDecimal percent = BigDecimal.valueOf(passed * 100L)
                .divide(BigDecimal.valueOf(script.tests().size()), 1, RoundingMode.HALF_UP);
        return Optional.of(percent.remainder(BigDecimal.ONE).signum() == 0 ? percent.setScale(0) : percent);
    }

    private static long ran(ScriptResult script) {
        return script.tests().stream().filter(t -> t.outcome() != Outcome.SKIP).count();
    }

    private static SetupActionOperationComponent operation(ActionResult action) {
        return new SetupActionOperationComponent().setResult(code(action)).setMessage(message(action));
    }

    private static SetupActionAssertComponent assertion(ActionResult action) {
        return new SetupActionAssertComponent().setResult(code(action)).setMessage(message(action));
    }

    private static TestReportActionResult code(ActionResult action) {
        return TestReportActionResult.fromCode(action.outcome().code());
    }

    /** "label: message", masked; null when both are blank. */
    static String message(ActionResult action) {
        String label = action.label() == null ? "" : action.label().strip();
        String message = action.message() == null ? "" : action.message().strip();
        String text = label.isEmpty() || message.isEmpty() ? label + message : label + ": " + message;
        return text.isEmpty() ? null : Masking.text(text);
    }
}
