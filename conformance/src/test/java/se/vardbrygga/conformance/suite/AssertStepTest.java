package se.vardbrygga.conformance.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static se.vardbrygga.conformance.suite.Scripts.assertion;
import static se.vardbrygga.conformance.suite.Scripts.capabilities;
import static se.vardbrygga.conformance.suite.Scripts.claim;
import static se.vardbrygga.conformance.suite.Scripts.operation;
import static se.vardbrygga.conformance.suite.Scripts.script;
import static se.vardbrygga.conformance.suite.Scripts.test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.TestScript;
import org.hl7.fhir.r4.model.TestScript.AssertionOperatorType;
import org.hl7.fhir.r4.model.TestScript.AssertionResponseTypes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.vardbrygga.conformance.suite.StubFhirServer.Response;

/** Each kind of assert against a real answer of the stub: response, code, type, profile, FHIRPath, header, warnings. */
class AssertStepTest {

    private static final String TASK = """
            {"resourceType":"Task","id":"1","status":"requested","intent":"order","description":"urgent: call the ward",
             "input":[{"type":{"text":"a"},"valueString":"x"},{"type":{"text":"b"},"valueString":"y"}]}""";
    private static final String OUTCOME = """
            {"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"invalid","diagnostics":"bad"}]}""";

    private StubFhirServer stub;
    private CapabilityStatement statement;

    @BeforeEach
    void start() throws Exception {
        stub = StubFhirServer.start();
        statement = capabilities();
        claim(statement, "Task", "read");
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    /** Reads Task/1, which the stub answers with {@code answer}, then checks {@code check}: the assert's result. */
    private ActionResult check(Response answer, TestScript.SetupActionAssertComponent check) {
        return run(answer, script("assert"), check).tests().get(0).actions().get(1);
    }

    private ScriptResult run(Response answer, TestScript script, TestScript.SetupActionAssertComponent check) {
        stub.on("GET", "/Task/1", answer);
        test(script, "assert", operation("read", "Task").setParams("/1").setResponseId("answer"), check);
        return Scripts.run(stub, statement, script);
    }

    @ParameterizedTest(name = "{0} ↔ {1}")
    @CsvSource({"okay, 200", "created, 201", "noContent, 204", "notModified, 304", "bad, 400", "forbidden, 403", "notFound, 404", "methodNotAllowed, 405", "conflict, 409",
        "gone, 410", "preconditionFailed, 412", "unprocessable, 422"})
    void When_ResponseByNameMatchesStatus_Expect_Pass(String name, int status) {
        ActionResult result = check(Response.of(status, status == 204 || status == 304 ? "" : OUTCOME), assertion(name).setResponse(AssertionResponseTypes.fromCode(name)));

        assertThat(result.outcome()).isEqualTo(Outcome.PASS);
        assertThat(result.message()).isEqualTo("response " + status + " (" + name + ")");
    }

    @Test
    void When_ResponseByNameDiffers_Expect_FailSayingWhatCame() {
        ActionResult result = check(Response.of(422, OUTCOME), assertion("200").setResponse(AssertionResponseTypes.OKAY));

        assertThat(result.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(result.message()).isEqualTo("expected response 200 (okay), got 422");
        assertThat(result.label()).isEqualTo("200");
    }

    @ParameterizedTest(name = "{0} in \"400,422\" -> {1}")
    @CsvSource({"400, PASS", "422, PASS", "200, FAIL", "500, FAIL"})
    void When_ResponseCodeWithOperatorIn_Expect_PassOnlyForListedCodes(int status, Outcome expected) {
        ActionResult result = check(Response.of(status, OUTCOME),
                assertion("4xx").setResponseCode("400,422").setOperator(AssertionOperatorType.IN));

        assertThat(result.outcome()).isEqualTo(expected);
    }

    @Test
    void When_ResponseCodeWithoutOperator_Expect_Equals() {
        assertThat(check(Response.of(200, TASK), assertion("200").setResponseCode("200")).outcome()).isEqualTo(Outcome.PASS);
        ActionResult failed = check(Response.of(201, TASK), assertion("200").setResponseCode("200"));
        assertThat(failed.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(failed.message()).isEqualTo("expected response code equals 200, got 201");
    }

    @Test
    void When_ResourceTypeAsked_Expect_PassForThatTypeFailForAnother() {
        assertThat(check(Response.of(200, TASK), assertion("a Task").setResource("Task")).outcome()).isEqualTo(Outcome.PASS);

        ActionResult other = check(Response.of(200, OUTCOME), assertion("a Task").setResource("Task"));
        assertThat(other.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(other.message()).isEqualTo("expected a Task, got OperationOutcome");
    }

    @Test
    void When_AnswerIsNotFhir_Expect_FailCouldNotBeChecked() {
        ActionResult result = check(Response.of(500, "<html>Internal Server Error</html>").withHeader("Content-Type", "text/html"),
                assertion("a Task").setResource("Task"));

        assertThat(result.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(result.message()).startsWith("could not be checked: ");
    }

    @Test
    void When_AnswerHasNoBody_Expect_ResourceAndExpressionFail() {
        ActionResult type = check(Response.of(204, ""), assertion("a Task").setResource("Task"));
        ActionResult expression = check(Response.of(204, ""), assertion("status").setExpression("status"));

        // an empty body is not FHIR: the assert fails, saying it could not be checked
        assertThat(type.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(type.message()).startsWith("could not be checked: ");
        assertThat(expression.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(expression.message()).startsWith("could not be checked: ");
    }

    @Test
    void When_ExpressionWithoutValue_Expect_PassOnlyWhenTrue() {
        ActionResult yes = check(Response.of(200, TASK), assertion("requested").setExpression("status = 'requested'"));
        ActionResult no = check(Response.of(200, TASK), assertion("draft").setExpression("status = 'draft'"));
        ActionResult nothing = check(Response.of(200, TASK), assertion("owner").setExpression("owner"));

        assertThat(yes.outcome()).isEqualTo(Outcome.PASS);
        assertThat(yes.message()).isEqualTo("status = 'requested' is true");
        assertThat(no.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(no.message()).isEqualTo("expected status = 'draft' is true, got [false]");
        assertThat(nothing.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(nothing.message()).isEqualTo("expected owner is true, got nothing");
    }

    @Test
    void When_ExpressionWithValue_Expect_EqualsFirstValue() {
        ActionResult yes = check(Response.of(200, TASK), assertion("status").setExpression("status").setValue("requested"));
        ActionResult no = check(Response.of(200, TASK), assertion("status").setExpression("status").setValue("draft"));

        assertThat(yes.outcome()).isEqualTo(Outcome.PASS);
        assertThat(no.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(no.message()).isEqualTo("expected status equals draft, got [requested]");
    }

    @Test
    void When_ExpressionDoesNotEvaluate_Expect_FailCouldNotBeChecked() {
        ActionResult result = check(Response.of(200, TASK), assertion("broken").setExpression("status.where(("));

        assertThat(result.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(result.message()).startsWith("could not be checked: ");
    }

    @ParameterizedTest(name = "{1} {0} ''{2}'' -> {3}")
    @CsvSource(delimiter = '|', value = {
        "equals      | status             | requested       | PASS",
        "equals      | status             | draft           | FAIL",
        "notEquals   | status             | draft           | PASS",
        "notEquals   | status             | requested       | FAIL",
        "notEquals   | owner              | anything        | PASS",
        "in          | status             | draft, requested| PASS",
        "in          | status             | draft,ready     | FAIL",
        "in          | owner              | draft           | FAIL",
        "notIn       | status             | draft,ready     | PASS",
        "notIn       | status             | ready,requested | FAIL",
        "contains    | description        | urgent          | PASS",
        "contains    | description        | calm            | FAIL",
        "contains    | input.value        | y               | PASS",
        "notContains | description        | calm            | PASS",
        "notContains | description        | ward            | FAIL",
        "empty       | note               |                 | PASS",
        "empty       | status             |                 | FAIL",
        "notEmpty    | status             |                 | PASS",
        "notEmpty    | note               |                 | FAIL",
        "greaterThan | input.count()      | 1               | PASS",
        "greaterThan | input.count()      | 2               | FAIL",
        "greaterThan | owner              | 0               | FAIL",
        "lessThan    | input.count()      | 3               | PASS",
        "lessThan    | input.count()      | 2               | FAIL",
    })
    void When_ExpressionWithOperator_Expect_ThatComparison(String operator, String expression, String value, Outcome expected) {
        TestScript.SetupActionAssertComponent a = assertion(operator).setExpression(expression)
                .setOperator(AssertionOperatorType.fromCode(operator));
        if (value != null) {
            a.setValue(value);
        }

        ActionResult result = check(Response.of(200, TASK), a);

        assertThat(result.outcome()).as(result.message()).isEqualTo(expected);
    }

    @Test
    void When_HeaderField_Expect_ComparedWithOperatorValueOrPresence() {
        Response created = Response.of(201, TASK).withHeader("Location", "http://x/fhir/Task/1/_history/1").withHeader("ETag", "W/\"1\"");

        assertThat(check(created, assertion("loc").setHeaderField("Location").setOperator(AssertionOperatorType.CONTAINS).setValue("/Task/1"))
                .outcome()).isEqualTo(Outcome.PASS);
        assertThat(check(created, assertion("etag").setHeaderField("etag").setValue("W/\"1\"")).outcome()).isEqualTo(Outcome.PASS);
        assertThat(check(created, assertion("present").setHeaderField("Location")).outcome()).isEqualTo(Outcome.PASS);
        ActionResult absent = check(created, assertion("absent").setHeaderField("Last-Modified"));
        assertThat(absent.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(absent.message()).isEqualTo("expected header Last-Modified notEmpty, got null");
        ActionResult wrong = check(created, assertion("etag").setHeaderField("ETag").setValue("W/\"2\""));
        assertThat(wrong.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(wrong.message()).isEqualTo("expected header ETag equals W/\"2\", got W/\"1\"");
    }

    @Test
    void When_AssertHasSeveralParts_Expect_EachMustHold() {
        TestScript.SetupActionAssertComponent a = assertion("all").setResponse(AssertionResponseTypes.OKAY).setResource("Task")
                .setExpression("status").setValue("draft");

        ActionResult result = check(Response.of(200, TASK), a);

        assertThat(result.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(result.message()).isEqualTo("expected status equals draft, got [requested]");
    }

    @Test
    void When_WarningOnlyAssertFails_Expect_WarningAndTestCountsAsPassed() {
        ScriptResult result = run(Response.of(200, TASK), script("warn"),
                assertion("kind").setExpression("status").setValue("draft").setWarningOnly(true));

        TestResult test = result.tests().get(0);
        assertThat(test.actions().get(1).outcome()).isEqualTo(Outcome.WARNING);
        assertThat(test.actions().get(1).message()).isEqualTo("expected status equals draft, got [requested]");
        assertThat(test.outcome()).isEqualTo(Outcome.WARNING);
        assertThat(result.outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void When_WarningOnlyAssertCannotBeChecked_Expect_Warning() {
        ActionResult result = check(Response.of(200, "not json"), assertion("type").setResource("Task").setWarningOnly(true));

        assertThat(result.outcome()).isEqualTo(Outcome.WARNING);
    }

    @Test
    void When_WarningOnlyAssertHolds_Expect_Pass() {
        ActionResult result = check(Response.of(200, TASK), assertion("ok").setExpression("status").setValue("requested").setWarningOnly(true));

        assertThat(result.outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void When_SourceIdNamesKeptAnswer_Expect_CheckedAgainstThatAnswer() {
        stub.on("GET", "/Task/1", Response.of(200, TASK));
        stub.on("GET", "/Task/2", Response.of(404, OUTCOME));
        TestScript script = script("source");
        test(script, "source",
                operation("read", "Task").setParams("/1").setResponseId("first"),
                operation("read", "Task").setParams("/2"),
                assertion("first was 200").setSourceId("first").setResponse(AssertionResponseTypes.OKAY).setResource("Task"),
                assertion("last was 404").setResponse(AssertionResponseTypes.NOTFOUND).setResource("OperationOutcome"));

        ScriptResult result = Scripts.run(stub, statement, script);

        assertThat(result.tests().get(0).actions()).extracting(ActionResult::outcome)
                .containsExactly(Outcome.PASS, Outcome.PASS, Outcome.PASS, Outcome.PASS);
    }

    @Test
    void When_ProfileIdNotDeclared_Expect_Error() {
        ActionResult result = check(Response.of(200, TASK), assertion("profile").setValidateProfileId("nope"));

        assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(result.message()).isEqualTo("profile id 'nope' is not declared in the script");
    }

    private static TestScript withDelegationProfile() {
        TestScript script = script("profile");
        Reference profile = new Reference(Scripts.DELEGATION_TASK);
        profile.setId("delegation");
        script.addProfile(profile);
        return script;
    }

    @Test
    void When_AnswerLacksWhatTheProfileDemands_Expect_FailWithMessages() {
        ScriptResult result = run(Response.of(200, "{\"resourceType\":\"Task\",\"status\":\"requested\",\"intent\":\"order\"}"),
                withDelegationProfile(), assertion("a delegation Task").setValidateProfileId("delegation"));

        ActionResult a = result.tests().get(0).actions().get(1);
        assertThat(a.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(a.message()).startsWith("expected conforms to " + Scripts.DELEGATION_TASK + ", ")
                .contains("Task.code: minimum required = 1").contains("Task.owner: minimum required = 1");
        assertThat(a.message().split("; ")).as("at most five messages").hasSizeBetween(2, 5);
    }

    @Test
    void When_AnswerIsThePackagedExample_Expect_Pass() throws IOException {
        String example;
        try (InputStream in = AssertStepTest.class.getResourceAsStream("/Task-vb-delegation-task-example.json")) {
            example = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        ScriptResult result = run(Response.of(200, example), withDelegationProfile(),
                assertion("a delegation Task").setValidateProfileId("delegation"));

        ActionResult a = result.tests().get(0).actions().get(1);
        assertThat(a.outcome()).as(a.message()).isEqualTo(Outcome.PASS);
        assertThat(a.message()).isEqualTo("conforms to " + Scripts.DELEGATION_TASK);
    }

    @Test
    void When_ProfileCheckAsked_Expect_ErrorsOnlyForNonConformingResource() throws IOException {
        String example;
        try (InputStream in = AssertStepTest.class.getResourceAsStream("/Task-vb-delegation-task-example.json")) {
            example = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ProfileCheck profiles = Scripts.profiles();

        assertThat(profiles.errors(example, Scripts.DELEGATION_TASK)).isEmpty();
        List<String> errors = profiles.errors("{\"resourceType\":\"Task\",\"status\":\"requested\",\"intent\":\"order\"}", Scripts.DELEGATION_TASK);
        assertThat(errors).hasSizeGreaterThan(5).anySatisfy(e -> assertThat(e).contains("Task.requester: minimum required = 1"));
    }
}
