package se.vardbrygga.conformance.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static se.vardbrygga.conformance.suite.Scripts.capabilities;
import static se.vardbrygga.conformance.suite.Scripts.claim;

import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;
import org.hl7.fhir.r4.model.TestScript;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.vardbrygga.conformance.suite.StubFhirServer.Response;

/** The tests made from the CapabilityStatement: one per declared search parameter, catching a server that ignores it. */
class DeclaredSearchParametersTest {
    private static final String ONE_TASK = "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[{\"search\":{\"mode\":\"match\"},"
            + "\"resource\":{\"resourceType\":\"Task\",\"id\":\"1\",\"status\":\"requested\",\"intent\":\"order\"}}]}";
    private static final String EMPTY = "{\"resourceType\":\"Bundle\",\"type\":\"searchset\"}";

    private StubFhirServer stub;
    private CapabilityStatement statement;
    private TestScript script;

    @BeforeEach
    void start() throws Exception {
        stub = StubFhirServer.start();
        statement = capabilities();
        CapabilityStatement.CapabilityStatementRestResourceComponent task = claim(statement, "Task", "search-type");
        task.addSearchParam().setName("status").setType(SearchParamType.TOKEN);
        task.addSearchParam().setName("authored-on").setType(SearchParamType.DATE);
        task.addSearchParam().setName("combo").setType(SearchParamType.COMPOSITE);
        script = Scripts.script("declared-search-parameters");
        script.setDescription("Generated.");
        script.addExtension(DeclaredSearchParameters.EXTENSION, new CodeType("capability-statement"));
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void When_TheStatementDeclaresParameters_Expect_ATestForEachThatHasANoMatchValue() {
        TestScript expanded = DeclaredSearchParameters.expand(script, statement);

        assertThat(expanded.getTest()).extracting(TestScript.TestScriptTestComponent::getName).containsExactly("Task-status", "Task-authored-on");
        assertThat(expanded.getDescription()).contains("Not checked", "Task?combo (composite)");
        assertThat(script.getTest()).isEmpty();
    }

    @Test
    void When_TheServerHonoursTheParameters_Expect_Pass() {
        stub.on("GET", "/Task", request -> Response.of(200, request.query().equals("_count=1") ? ONE_TASK : EMPTY));

        ScriptResult result = Scripts.run(stub, statement, DeclaredSearchParameters.expand(script, statement));

        assertThat(result.tests()).allSatisfy(t -> assertThat(t.outcome()).isEqualTo(Outcome.PASS));
        assertThat(stub.requests("GET", "/Task")).extracting(StubFhirServer.Request::query)
                .contains("status=vb-conformance-no-such-code&_count=1", "authored-on=1800-01-01&_count=1");
    }

    @Test
    void When_TheServerIgnoresAParameter_Expect_ThatTestFails() {
        stub.on("GET", "/Task", request -> Response.of(200, request.query().startsWith("status=") || request.query().equals("_count=1") ? ONE_TASK : EMPTY));

        ScriptResult result = Scripts.run(stub, statement, DeclaredSearchParameters.expand(script, statement));

        assertThat(result.tests()).extracting(TestResult::name, TestResult::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Task-status", Outcome.FAIL),
                        org.assertj.core.groups.Tuple.tuple("Task-authored-on", Outcome.PASS));
    }

    @Test
    void When_TheTypeHasNoResources_Expect_AWarningNotAFailure() {
        stub.on("GET", "/Task", Response.of(200, EMPTY));

        ScriptResult result = Scripts.run(stub, statement, DeclaredSearchParameters.expand(script, statement));

        assertThat(result.tests()).allSatisfy(t -> assertThat(t.outcome()).isEqualTo(Outcome.WARNING));
        assertThat(result.tests().get(0).actions()).extracting(ActionResult::outcome).doesNotContain(Outcome.FAIL);
    }

    @Test
    void When_TheClientMayNotSearchTheType_Expect_SkipNamingIt() {
        stub.on("GET", "/Task", Response.of(403, "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"forbidden\"}]}"));

        ScriptResult result = Scripts.run(stub, statement, DeclaredSearchParameters.expand(script, statement));

        assertThat(result.tests()).allSatisfy(t -> {
            assertThat(t.outcome()).isEqualTo(Outcome.SKIP);
            assertThat(t.skipReason()).contains("the client may not", "HTTP 403");
        });
    }
}
