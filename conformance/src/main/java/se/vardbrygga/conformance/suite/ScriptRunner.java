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
    /**
     * The extension on an operation (valueInteger, seconds) that repeats it, with the asserts right after it, until
     * they pass or that many seconds have gone by: for what a server does after it answered (a delivery, the outage
     * routine). The report keeps the last round.
     */
    public static final String REPEAT_EXTENSION = "http://vardbrygga.example/fhir/StructureDefinition/conformance-repeat-until";
    private static final long REPEAT_PAUSE_MILLIS = 250;
    /**
     * The extension on an operation (valueBoolean true) whose answer 401 or 403 skips the test: the client may not do
     * it, which says nothing about what the test checks (a type only an auditor may search).
     */
    public static final String SKIP_WHEN_FORBIDDEN_EXTENSION = "http://vardbrygga.example/fhir/StructureDefinition/conformance-skip-when-forbidden";

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
        return missing(script, script.getSetup().getAction().stream()
                .filter(TestScript.SetupActionComponent::hasOperation).map(TestScript.SetupActionComponent::getOperation).toList());
    }

    /**
     * What operations need that is not there: claims of the CapabilityStatement, credentials of an origin, the value
     * of a variable that has no default and must be given ({@code --var}, e.g. the URL of a switch of the tester's).
     */
    private List<String> missing(TestScript script, List<TestScript.SetupActionOperationComponent> operations) {
        List<String> missing = new ArrayList<>(capabilities.missing(operations));
        operations.stream().filter(TestScript.SetupActionOperationComponent::hasOrigin).map(op -> op.getOrigin())
                .filter(n -> !origins.contains(n)).distinct()
                .forEach(n -> missing.add("credentials of origin " + n + " (--origin " + n + "=…)"));
        script.getVariable().stream().filter(ScriptRunner::toBeGiven)
                .filter(v -> operations.stream().anyMatch(op -> (op.getUrl() + " " + op.getParams()).contains("${" + v.getName() + "}")))
                .forEach(v -> missing.add("the variable " + v.getName() + " (--var " + v.getName() + "=…)"));
        return missing;
    }

    /** A variable the tester may give ({@code --var}): one not computed from an answer, with a default or without. */
    public static boolean givenByTester(TestScript.TestScriptVariableComponent v) {
        return !v.hasExpression() && !v.hasHeaderField() && !v.hasPath();
    }

    /** A variable with neither a value nor a way to compute one: the tester gives it, or what uses it is skipped. */
    private static boolean toBeGiven(TestScript.TestScriptVariableComponent v) {
        return givenByTester(v) && !v.hasDefaultValue();
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
            tests.add(test(script, test, context, asserts, setupPassed));
        }
        List<ActionResult> teardown = actions(script.getTeardown().getAction().stream()
                .map(a -> new Action(a.getOperation(), null)).toList(), context, asserts);
        return new ScriptResult(script.getIdElement().getIdPart(), script.getUrl(), script.hasTitle() ? script.getTitle() : script.getName(),
                setup, tests, teardown, started, (System.nanoTime() - t0) / 1_000_000);
    }

    private TestResult test(TestScript script, TestScript.TestScriptTestComponent test, ScriptContext context, AssertStep asserts, boolean setupPassed) {
        List<String> rules = test.getExtensionsByUrl(RULE_EXTENSION).stream().map(Extension::getValue)
                .filter(Coding.class::isInstance).map(c -> ((Coding) c).getCode()).toList();
        if (!setupPassed) {
            return new TestResult(test.getName(), test.getDescription(), rules, Outcome.SKIP, "needs the script's setup, which did not pass", List.of(), 0);
        }
        List<String> missing = missing(script, test.getAction().stream().filter(TestScript.TestActionComponent::hasOperation)
                .map(TestScript.TestActionComponent::getOperation).toList());
        if (!missing.isEmpty()) {
            return new TestResult(test.getName(), test.getDescription(), rules, Outcome.SKIP,
                    "needs " + String.join(", ", missing) + " (not claimed or not given)", List.of(), 0);
        }
        long t0 = System.nanoTime();
        List<Action> actions = test.getAction().stream().map(Action::of).toList();
        List<ActionResult> results = actions(actions, context, asserts);
        for (int i = 0; i < actions.size(); i++) {
            TestScript.SetupActionOperationComponent op = actions.get(i).operation();
            int status = results.get(i).exchange().map(Exchange::status).orElse(0);
            if (op != null && op.hasExtension(SKIP_WHEN_FORBIDDEN_EXTENSION) && (status == 401 || status == 403)) {
                return new TestResult(test.getName(), test.getDescription(), rules, Outcome.SKIP, "the client may not " + OperationStep.label(op)
                        + " (HTTP " + status + "): give credentials that may", results, (System.nanoTime() - t0) / 1_000_000);
            }
        }
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
        for (int i = 0; i < actions.size(); i++) {
            Action action = actions.get(i);
            if (broken) {
                results.add(action.operation() != null
                        ? ActionResult.operation(label(action), Outcome.SKIP, "not sent: an earlier operation got no answer", null)
                        : ActionResult.assertion(label(action), Outcome.SKIP, "not checked: an earlier operation got no answer"));
                continue;
            }
            if (action.operation() != null && action.operation().hasExtension(REPEAT_EXTENSION)) {
                int next = i + 1;
                while (next < actions.size() && actions.get(next).assertion() != null) {
                    next++;
                }
                List<ActionResult> round = repeat(action.operation(), actions.subList(i + 1, next), context, asserts);
                results.addAll(round);
                broken = round.get(0).outcome() == Outcome.ERROR;
                i = next - 1;
                continue;
            }
            ActionResult result = action.operation() != null ? operations.run(action.operation(), context) : asserts.run(action.assertion(), context);
            results.add(result);
            broken = action.operation() != null && result.outcome() == Outcome.ERROR;
        }
        return results;
    }

    /** The operation and its asserts, again and again until the asserts pass or the extension's seconds are over; the last round. */
    private List<ActionResult> repeat(TestScript.SetupActionOperationComponent operation, List<Action> checks, ScriptContext context,
                                      AssertStep asserts) {
        long seconds = operation.getExtensionByUrl(REPEAT_EXTENSION).getValue() instanceof org.hl7.fhir.r4.model.IntegerType n ? n.getValue() : 0;
        long t0 = System.nanoTime();
        long deadline = t0 + seconds * 1_000_000_000L;
        int rounds = 0;
        while (true) {
            rounds++;
            List<ActionResult> round = new ArrayList<>();
            round.add(operations.run(operation, context));
            if (round.get(0).outcome() != Outcome.ERROR) {
                checks.forEach(check -> round.add(asserts.run(check.assertion(), context)));
            }
            boolean passed = round.stream().allMatch(r -> r.outcome() == Outcome.PASS || r.outcome() == Outcome.WARNING);
            if (passed || round.get(0).outcome() == Outcome.ERROR || System.nanoTime() - deadline >= 0 || !pause()) {
                ActionResult op = round.get(0);
                round.set(0, new ActionResult(op.kind(), op.label(), op.outcome(), op.message() + " (round " + rounds + " of at most "
                        + seconds + " s, after " + (System.nanoTime() - t0) / 1_000_000 + " ms)", op.exchange()));
                return round;
            }
        }
    }

    private static boolean pause() {
        try {
            Thread.sleep(REPEAT_PAUSE_MILLIS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String label(Action action) {
        return action.operation() != null ? OperationStep.label(action.operation()) : AssertStep.label(action.assertion());
    }
}
