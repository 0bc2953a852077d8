package se.vardbrygga.conformance.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static se.vardbrygga.conformance.suite.Scripts.assertion;
import static se.vardbrygga.conformance.suite.Scripts.capabilities;
import static se.vardbrygga.conformance.suite.Scripts.claim;
import static se.vardbrygga.conformance.suite.Scripts.operation;
import static se.vardbrygga.conformance.suite.Scripts.script;
import static se.vardbrygga.conformance.suite.Scripts.setup;
import static se.vardbrygga.conformance.suite.Scripts.test;

import java.time.Instant;
import java.util.List;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.TestScript;
import org.hl7.fhir.r4.model.TestScript.AssertionResponseTypes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.vardbrygga.conformance.suite.StubFhirServer.Response;

/** A script's run as a whole: setup, tests, teardown, and the outcome of the script. */
class ScriptRunnerTest {

    private static final String TASK = "{\"resourceType\":\"Task\",\"id\":\"1\",\"status\":\"requested\",\"intent\":\"order\"}";

    private StubFhirServer stub;
    private CapabilityStatement statement;

    @BeforeEach
    void start() throws Exception {
        stub = StubFhirServer.start();
        stub.on("GET", "/Task/1", Response.of(200, TASK));
        statement = capabilities();
        claim(statement, "Task", "read", "delete");
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private static TestScript.SetupActionOperationComponent readTask1() {
        return operation("read", "Task").setParams("/1");
    }

    private static TestScript.SetupActionAssertComponent status(String value) {
        return assertion("status " + value).setExpression("status").setValue(value);
    }

    @Test
    void When_SetupAssertFails_Expect_EveryTestSkippedNeedingTheSetup() {
        stub.on("GET", "/Task/setup", Response.of(404, StubFhirServer.NOT_FOUND));
        TestScript script = script("setup-fails");
        setup(script, operation("read", "Task").setParams("/setup"), assertion("200").setResponse(AssertionResponseTypes.OKAY));
        test(script, "first", readTask1(), status("requested"));
        test(script, "second", readTask1());

        ScriptResult result = Scripts.run(stub, statement, script);

        assertThat(result.setup()).extracting(ActionResult::outcome).containsExactly(Outcome.PASS, Outcome.FAIL);
        assertThat(result.tests()).hasSize(2).allSatisfy(t -> {
            assertThat(t.outcome()).isEqualTo(Outcome.SKIP);
            assertThat(t.skipReason()).startsWith("needs the script's setup");
            assertThat(t.actions()).isEmpty();
        });
        assertThat(stub.requests()).extracting(StubFhirServer.Request::path).containsExactly("/Task/setup");
        assertThat(result.outcome()).isEqualTo(Outcome.FAIL);
    }

    @Test
    void When_SetupOperationGetsNoAnswer_Expect_TestsSkippedAndScriptError() {
        TestScript script = script("setup-refused");
        setup(script, readTask1(), assertion("200").setResponse(AssertionResponseTypes.OKAY));
        test(script, "first", readTask1());
        stub.close();

        ScriptResult result = Scripts.run(stub, statement, script);

        assertThat(result.setup()).extracting(ActionResult::outcome).containsExactly(Outcome.ERROR, Outcome.SKIP);
        assertThat(result.tests().get(0).outcome()).isEqualTo(Outcome.SKIP);
        assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
    }

    @Test
    void When_SetupWarnsOnly_Expect_TestsRun() {
        TestScript script = script("setup-warns");
        setup(script, readTask1(), status("draft").setWarningOnly(true));
        test(script, "first", readTask1(), status("requested"));

        ScriptResult result = Scripts.run(stub, statement, script);

        assertThat(result.setup()).extracting(ActionResult::outcome).containsExactly(Outcome.PASS, Outcome.WARNING);
        assertThat(result.tests().get(0).outcome()).isEqualTo(Outcome.PASS);
        assertThat(result.outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void When_TestsPassAndWarn_Expect_ScriptPasses() {
        TestScript script = script("pass-warn");
        test(script, "pass", readTask1(), status("requested"));
        test(script, "warn", readTask1(), status("draft").setWarningOnly(true));

        ScriptResult result = Scripts.run(stub, statement, script);

        assertThat(result.tests()).extracting(TestResult::outcome).containsExactly(Outcome.PASS, Outcome.WARNING);
        assertThat(result.outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void When_TestsPassWarnAndSkip_Expect_ScriptSkip() {
        TestScript script = script("skip");
        test(script, "pass", readTask1(), status("requested"));
        test(script, "warn", readTask1(), status("draft").setWarningOnly(true));
        test(script, "skip", operation("create", "Task"));

        ScriptResult result = Scripts.run(stub, statement, script);

        assertThat(result.tests()).extracting(TestResult::outcome).containsExactly(Outcome.PASS, Outcome.WARNING, Outcome.SKIP);
        assertThat(result.outcome()).isEqualTo(Outcome.SKIP);
    }

    @Test
    void When_OneTestFails_Expect_ScriptFailsAndOtherTestsStillRun() {
        TestScript script = script("fail");
        test(script, "fail", readTask1(), status("draft"), assertion("a Task").setResource("Task"));
        test(script, "skip", operation("create", "Task"));
        test(script, "pass", readTask1(), status("requested"));

        ScriptResult result = Scripts.run(stub, statement, script);

        TestResult failed = result.tests().get(0);
        assertThat(failed.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(failed.actions()).extracting(ActionResult::outcome).containsExactly(Outcome.PASS, Outcome.FAIL, Outcome.PASS);
        assertThat(result.tests()).extracting(TestResult::outcome).containsExactly(Outcome.FAIL, Outcome.SKIP, Outcome.PASS);
        assertThat(result.outcome()).isEqualTo(Outcome.FAIL);
    }

    @Test
    void When_OneTestErrs_Expect_ScriptError() {
        TestScript script = script("error");
        test(script, "fail", readTask1(), status("draft"));
        test(script, "error", readTask1(), assertion("profile").setValidateProfileId("undeclared"));

        ScriptResult result = Scripts.run(stub, statement, script);

        assertThat(result.tests()).extracting(TestResult::outcome).containsExactly(Outcome.FAIL, Outcome.ERROR);
        assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
    }

    @Test
    void When_ScriptRuns_Expect_IdUrlTitleRulesAndTeardown() {
        stub.on("DELETE", "/Task/1", Response.of(204, ""));
        TestScript script = script("meta");
        script.setTitle("A title");
        TestScript.TestScriptTestComponent test = test(script, "tagged", readTask1(), status("draft"));
        test.addExtension(ScriptRunner.RULE_EXTENSION, new Coding(ScriptRunner.RULE_SYSTEM, "R-DEL-1", null));
        test.addExtension(ScriptRunner.RULE_EXTENSION, new Coding(ScriptRunner.RULE_SYSTEM, "R-DEL-2", null));
        script.getTeardown().addAction().setOperation(operation("delete", "Task").setParams("/1"));
        Instant before = Instant.now();

        ScriptResult result = Scripts.run(stub, statement, script);

        assertThat(result.id()).isEqualTo("meta");
        assertThat(result.url()).isEqualTo("http://vardbrygga.example/fhir/TestScript/meta");
        assertThat(result.title()).isEqualTo("A title");
        assertThat(result.started()).isAfterOrEqualTo(before);
        assertThat(result.tests().get(0).rules()).containsExactly("R-DEL-1", "R-DEL-2");
        assertThat(result.tests().get(0).name()).isEqualTo("tagged");
        assertThat(result.tests().get(0).description()).isEqualTo("test tagged");
        assertThat(result.teardown()).extracting(ActionResult::outcome).containsExactly(Outcome.PASS);
        assertThat(stub.requests()).extracting(r -> r.method() + " " + r.path()).containsExactly("GET /Task/1", "DELETE /Task/1");
    }

    @Test
    void When_ScriptHasNoTitle_Expect_ItsName() {
        TestScript script = script("untitled");
        test(script, "t", readTask1());

        assertThat(Scripts.run(stub, statement, script).title()).isEqualTo("untitled");
    }

    @Test
    void When_SetupNeedsWhatIsNotClaimed_Expect_MissingForSetupNamesIt() {
        TestScript script = script("needs");
        setup(script, operation("create", "Task"), operation("read", "Task").setParams("/1").setOrigin(3));
        ScriptRunner runner = new ScriptRunner(Scripts.connection(stub, () -> null), java.util.Map.of(), Scripts.profiles(),
                new CapabilityCheck(statement));

        assertThat(runner.missingForSetup(script)).containsExactly("Task create", "credentials of origin 3 (--origin 3=…)");
    }

    @Test
    void When_AnOperationRepeatsUntilItsAssertsPass_Expect_TheRoundThatPassed() {
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        stub.on("GET", "/Task/2", request -> Response.of(200, TASK.replace("\"id\":\"1\"", "\"id\":\"2\"")
                .replace("requested", reads.incrementAndGet() < 3 ? "requested" : "completed")));
        TestScript script = script("repeat");
        TestScript.SetupActionOperationComponent read = operation("read", "Task").setParams("/2");
        read.addExtension(ScriptRunner.REPEAT_EXTENSION, new org.hl7.fhir.r4.model.IntegerType(10));
        test(script, "delivered in the end", read, status("completed"), assertion("200").setResponse(AssertionResponseTypes.OKAY));

        ScriptResult result = Scripts.run(stub, statement, script);

        TestResult test = result.tests().get(0);
        assertThat(test.outcome()).isEqualTo(Outcome.PASS);
        assertThat(test.actions()).hasSize(3);
        assertThat(test.actions().get(0).message()).contains("round 3 of at most 10 s");
        assertThat(stub.requests("GET", "/Task/2")).hasSize(3);
    }

    @Test
    void When_AnOperationRepeatsAndItsAssertsNeverPass_Expect_FailureAfterItsTime() {
        TestScript script = script("repeat-in-vain");
        TestScript.SetupActionOperationComponent read = readTask1();
        read.addExtension(ScriptRunner.REPEAT_EXTENSION, new org.hl7.fhir.r4.model.IntegerType(1));
        test(script, "never completed", read, status("completed"));

        ScriptResult result = Scripts.run(stub, statement, script);

        assertThat(result.tests().get(0).outcome()).isEqualTo(Outcome.FAIL);
        assertThat(stub.requests("GET", "/Task/1")).hasSizeBetween(2, 6);
    }

    @Test
    void When_OutcomesCombined_Expect_WorstWithWarningCountingAsPass() {
        assertThat(Outcome.PASS.worse(Outcome.WARNING)).isEqualTo(Outcome.WARNING);
        assertThat(Outcome.SKIP.worse(Outcome.WARNING)).isEqualTo(Outcome.SKIP);
        assertThat(Outcome.FAIL.worse(Outcome.ERROR)).isEqualTo(Outcome.ERROR);
        assertThat(Outcome.ERROR.worse(Outcome.FAIL)).isEqualTo(Outcome.ERROR);
        assertThat(scriptOf(Outcome.WARNING, Outcome.WARNING).outcome()).isEqualTo(Outcome.PASS);
        assertThat(scriptOf(Outcome.PASS, Outcome.WARNING, Outcome.SKIP).outcome()).isEqualTo(Outcome.SKIP);
        assertThat(scriptOf(Outcome.SKIP, Outcome.FAIL, Outcome.WARNING).outcome()).isEqualTo(Outcome.FAIL);
        assertThat(scriptOf(Outcome.ERROR, Outcome.FAIL).outcome()).isEqualTo(Outcome.ERROR);
        assertThat(scriptOf().outcome()).isEqualTo(Outcome.PASS);
    }

    private static ScriptResult scriptOf(Outcome... outcomes) {
        List<TestResult> tests = java.util.Arrays.stream(outcomes)
                .map(o -> new TestResult(o.code(), "", List.of(), o, null, List.of(), 0)).toList();
        return new ScriptResult("s", null, "s", List.of(), tests, List.of(), Instant.now(), 0);
    }
}
