package se.vardbrygga.conformance.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static se.vardbrygga.conformance.suite.Scripts.assertion;
import static se.vardbrygga.conformance.suite.Scripts.capabilities;
import static se.vardbrygga.conformance.suite.Scripts.claim;
import static se.vardbrygga.conformance.suite.Scripts.operation;
import static se.vardbrygga.conformance.suite.Scripts.script;
import static se.vardbrygga.conformance.suite.Scripts.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.TestScript;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.vardbrygga.conformance.suite.StubFhirServer.Response;

/** The suite's run: the CapabilityStatement first, then every script in order, with progress, counts and the verdict. */
class SuiteRunnerTest {

    private static final String TASK = "{\"resourceType\":\"Task\",\"id\":\"1\",\"status\":\"requested\",\"intent\":\"order\"}";

    private StubFhirServer stub;
    private final List<String> progress = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        stub = StubFhirServer.start();
        stub.on("GET", "/Task/1", Response.of(200, TASK));
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private SuiteResult run(List<TestScript> scripts) {
        return new SuiteRunner(Scripts.connection(stub, () -> "Bearer main"), Map.of(), Scripts.profiles(), progress::add).run(scripts);
    }

    private static List<TestScript> twoScripts() {
        TestScript first = script("first");
        test(first, "read", operation("read", "Task").setParams("/1"), assertion("status").setExpression("status").setValue("requested"));
        TestScript second = script("second");
        test(second, "read", operation("read", "Task").setParams("/1"), assertion("status").setExpression("status").setValue("draft"));
        test(second, "create", operation("create", "Task"));
        return List.of(first, second);
    }

    private static CapabilityStatement taskRead() {
        CapabilityStatement statement = capabilities();
        claim(statement, "Task", "read");
        return statement;
    }

    @Test
    void When_MetadataIsNot200_Expect_OneErrorScriptAndNothingElseRuns() {
        stub.on("GET", "/metadata", Response.of(500, "{\"resourceType\":\"OperationOutcome\"}"));

        SuiteResult result = run(twoScripts());

        assertThat(result.scripts()).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo("capability-statement");
            assertThat(s.outcome()).isEqualTo(Outcome.ERROR);
            assertThat(s.tests()).isEmpty();
            assertThat(s.setup()).singleElement().satisfies(a -> {
                assertThat(a.outcome()).isEqualTo(Outcome.ERROR);
                assertThat(a.message()).contains("no CapabilityStatement").contains("answered 500");
                assertThat(a.exchange()).hasValueSatisfying(e -> assertThat(e.status()).isEqualTo(500));
            });
        });
        assertThat(result.omitted()).isEmpty();
        assertThat(stub.requests()).extracting(StubFhirServer.Request::path).containsExactly("/metadata");
        assertThat(result.passed(false)).isFalse();
    }

    @Test
    void When_MetadataIsNotACapabilityStatement_Expect_OneErrorScript() {
        stub.on("GET", "/metadata", Response.of(200, "{\"resourceType\":\"OperationOutcome\"}"));

        SuiteResult result = run(twoScripts());

        assertThat(result.scripts()).extracting(ScriptResult::id).containsExactly("capability-statement");
        assertThat(result.scripts().get(0).outcome()).isEqualTo(Outcome.ERROR);
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void When_ServerIsDown_Expect_OneErrorScript() {
        stub.close();

        SuiteResult result = run(twoScripts());

        assertThat(result.scripts()).extracting(ScriptResult::id).containsExactly("capability-statement");
        assertThat(result.scripts().get(0).setup().get(0).message()).contains("answered 0");
        assertThat(result.passed(false)).isFalse();
    }

    @Test
    void When_MetadataAnswers_Expect_EveryScriptInOrderWithProgressAndCounts() {
        stub.on("GET", "/metadata", Response.of(200, Scripts.json(taskRead())));

        SuiteResult result = run(twoScripts());

        assertThat(result.baseUrl()).isEqualTo(stub.baseUrl());
        assertThat(result.scripts()).extracting(ScriptResult::id).containsExactly("first", "second");
        assertThat(result.scripts()).extracting(ScriptResult::outcome).containsExactly(Outcome.PASS, Outcome.FAIL);
        assertThat(result.counts()).containsEntry(Outcome.PASS, 1).containsEntry(Outcome.FAIL, 1).containsEntry(Outcome.SKIP, 1)
                .containsEntry(Outcome.ERROR, 0).containsEntry(Outcome.WARNING, 0);
        assertThat(progress).hasSize(2);
        assertThat(progress.get(0)).startsWith("pass  first (1 tests, ");
        assertThat(progress.get(1)).startsWith("fail  second (2 tests, ");
        assertThat(stub.requests("GET", "/metadata").get(0).header("Authorization")).isEqualTo("Bearer main");
        assertThat(result.passed(false)).isFalse();
    }

    @Test
    void When_OnlySkipsBesidesPasses_Expect_PassedUnlessStrict() {
        stub.on("GET", "/metadata", Response.of(200, Scripts.json(taskRead())));
        TestScript script = script("pass-and-skip");
        test(script, "read", operation("read", "Task").setParams("/1"));
        test(script, "create", operation("create", "Task"));

        SuiteResult result = run(List.of(script));

        assertThat(result.passed(false)).isTrue();
        assertThat(result.passed(true)).isFalse();
    }
}
