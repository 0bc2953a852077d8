package se.vardbrygga.conformance.suite;

import ca.uhn.fhir.context.FhirContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.TestScript;

/**
 * Runs one TestScript against the server: setup, then each test, then teardown. A test the server's
 * CapabilityStatement does not cover is skipped, naming what it needed; when the setup does not pass, every test is
 * skipped ("setup failed"); within a test, an action after a failed operation is skipped (it would check nothing).
 */
public final class ScriptRunner {
    /** The extension on a TestScript test that tags it with the rule id it checks (valueCoding, system {@link #RULE_SYSTEM}). */
    public static final String RULE_EXTENSION = "http://vardbrygga.example/fhir/StructureDefinition/conformance-rule";
    public static final String RULE_SYSTEM = "http://vardbrygga.example/fhir/CodeSystem/rule";

    private final FhirContext fhir;
    private final OperationStep operations;
    private final ProfileCheck profiles;
    private final CapabilityCheck capabilities;

    private final java.util.Set<Integer> origins;

    public ScriptRunner(ServerConnection server, java.util.Map<Integer, java.util.function.Supplier<String>> origins, ProfileCheck profiles,
                        CapabilityCheck capabilities) {
        this.fhir = profiles.fhir();
        this.origins = origins.keySet();
        this.operations = new OperationStep(server, origins);
        this.profiles = profiles;
        this.capabilities = capabilities;
    }

    /** What the script's setup needs that the server does not claim; the whole script is omitted then. */
    public List<String> missingForSetup(TestScript script) {
        return missing(script.getSetup().getAction().stream()
                .filter(TestScript.SetupActionComponent::hasOperation).map(TestScript.SetupActionComponent::getOperation).toList());
    }

    /** What operations need that is not there: claims of the CapabilityStatement, credentials of an origin. */
    private List<String> missing(List<TestScript.SetupActionOperationComponent> operations) {
        List<String> missing = new ArrayList<>(capabilities.missing(operations));
        operations.stream().filter(TestScript.SetupActionOperationComponent::hasOrigin).map(op -> op.getOrigin())
                .filter(n -> !origins.contains(n)).distinct()
                .forEach(n -> missing.add("credentials of origin " + n + " (--origin " + n + "=…)"));
        return missing;
    }

    public ScriptResult run(TestScript script) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        ScriptContext context = new ScriptContext(fhir, script);
        AssertStep asserts = new AssertStep(profiles, script);
        List<ActionResult> setup = actions(script.getSetup().getAction().stream().map(Action::of).toList(), context, asserts);
        boolean setupPassed = setup.stream().allMatch(r -> r.outcome() == Outcome.PASS || r.outcome() == Outcome.WARNING);
        List<TestResult> tests = new ArrayList<>();
        for (TestScript.TestScriptTestComponent test : script.getTest()) {
            tests.add(test(test, context, asserts, setupPassed));
        }
        List<ActionResult> teardown = actions(script.getTeardown().getAction().stream()
                .map(a -> new Action(a.getOperation(), null)).toList(), context, asserts);
        return new ScriptResult(script.getIdElement().getIdPart(), script.getUrl(), script.hasTitle() ? script.getTitle() : script.getName(),
                setup, tests, teardown, started, (System.nanoTime() - t0) / 1_000_000);
    }

    private TestResult test(TestScript.TestScriptTestComponent test, ScriptContext context, AssertStep asserts, boolean setupPassed) {
        List<String> rules = test.getExtensionsByUrl(RULE_EXTENSION).stream().map(Extension::getValue)
                .filter(Coding.class::isInstance).map(c -> ((Coding) c).getCode()).toList();
        if (!setupPassed) {
            return new TestResult(test.getName(), test.getDescription(), rules, Outcome.SKIP, "needs the script's setup, which did not pass", List.of(), 0);
        }
        List<String> missing = missing(test.getAction().stream().filter(TestScript.TestActionComponent::hasOperation)
                .map(TestScript.TestActionComponent::getOperation).toList());
        if (!missing.isEmpty()) {
            return new TestResult(test.getName(), test.getDescription(), rules, Outcome.SKIP,
                    "needs " + String.join(", ", missing) + " (not claimed or not given)", List.of(), 0);
        }
        long t0 = System.nanoTime();
        List<ActionResult> results = actions(test.getAction().stream().map(Action::of).toList(), context, asserts);
        Outcome outcome = results.stream().map(ActionResult::outcome).reduce(Outcome.PASS, Outcome::worse);
        return new TestResult(test.getName(), test.getDescription(), rules, outcome, null, results, (System.nanoTime() - t0) / 1_000_000);
    }

    /** One action of a setup, test or teardown: an operation or an assert (the two component types have no common one). */
    private record Action(TestScript.SetupActionOperationComponent operation, TestScript.SetupActionAssertComponent assertion) {
        static Action of(TestScript.SetupActionComponent a) {
            return new Action(a.hasOperation() ? a.getOperation() : null, a.hasAssert() ? a.getAssert() : null);
        }

        static Action of(TestScript.TestActionComponent a) {
            return new Action(a.hasOperation() ? a.getOperation() : null, a.hasAssert() ? a.getAssert() : null);
        }
    }

    private List<ActionResult> actions(List<Action> actions, ScriptContext context, AssertStep asserts) {
        List<ActionResult> results = new ArrayList<>();
        boolean broken = false;
        for (Action action : actions) {
            if (broken) {
                results.add(action.operation() != null
                        ? ActionResult.operation(label(action), Outcome.SKIP, "not sent: an earlier operation got no answer", null)
                        : ActionResult.assertion(label(action), Outcome.SKIP, "not checked: an earlier operation got no answer"));
                continue;
            }
            ActionResult result = action.operation() != null ? operations.run(action.operation(), context) : asserts.run(action.assertion(), context);
            results.add(result);
            broken = action.operation() != null && result.outcome() == Outcome.ERROR;
        }
        return results;
    }

    private static String label(Action action) {
        return action.operation() != null ? OperationStep.label(action.operation()) : AssertStep.label(action.assertion());
    }
}
