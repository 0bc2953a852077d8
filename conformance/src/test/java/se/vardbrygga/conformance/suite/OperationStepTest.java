package se.vardbrygga.conformance.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static se.vardbrygga.conformance.suite.Scripts.assertion;
import static se.vardbrygga.conformance.suite.Scripts.capabilities;
import static se.vardbrygga.conformance.suite.Scripts.claim;
import static se.vardbrygga.conformance.suite.Scripts.operation;
import static se.vardbrygga.conformance.suite.Scripts.script;
import static se.vardbrygga.conformance.suite.Scripts.searchParams;
import static se.vardbrygga.conformance.suite.Scripts.test;

import java.util.Map;
import java.util.function.Supplier;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.TestScript;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.vardbrygga.conformance.suite.StubFhirServer.Request;
import se.vardbrygga.conformance.suite.StubFhirServer.Response;

/** How operations become HTTP requests: method, URL, body, headers, variables, origins, and no answer at all. */
class OperationStepTest {

    private static final String TASK_1 = """
            {"resourceType":"Task","id":"1","status":"requested","intent":"order","owner":{"reference":"Organization/o-42"}}""";

    private StubFhirServer stub;
    private CapabilityStatement statement;

    @BeforeEach
    void start() throws Exception {
        stub = StubFhirServer.start();
        statement = capabilities();
        searchParams(claim(statement, "Task", "read", "create", "update", "delete", "search-type"), "owner");
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    /** A script with a contained draft Task as fixture {@code task}. */
    private static TestScript withTaskFixture(String id) {
        TestScript script = script(id);
        Task task = new Task();
        task.setId("task-fixture");
        task.setStatus(Task.TaskStatus.DRAFT);
        task.setIntent(Task.TaskIntent.ORDER);
        task.setDescription("Sondmatning");
        script.addContained(task);
        TestScript.TestScriptFixtureComponent fixture = script.addFixture().setAutocreate(false).setAutodelete(false)
                .setResource(new Reference("#task-fixture"));
        fixture.setId("task");
        return script;
    }

    @Test
    void When_Create_Expect_PostToTypeWithFixtureBodyAsFhirJson() {
        stub.on("POST", "/Task", Response.of(201, "{\"resourceType\":\"Task\",\"id\":\"9\"}"));
        TestScript script = withTaskFixture("create");
        test(script, "create", operation("create", "Task").setSourceId("task"));

        ScriptResult result = Scripts.run(stub, statement, script);

        assertThat(result.tests().get(0).outcome()).isEqualTo(Outcome.PASS);
        Request post = stub.requests("POST", "/Task").get(0);
        assertThat(post.header("Content-Type")).isEqualTo("application/fhir+json");
        assertThat(post.header("Accept")).isEqualTo("application/fhir+json");
        Task sent = (Task) Scripts.FHIR.newJsonParser().parseResource(post.body());
        assertThat(sent.getStatus()).isEqualTo(Task.TaskStatus.DRAFT);
        assertThat(sent.getDescription()).isEqualTo("Sondmatning");
        assertThat(sent.hasId()).as("a created resource carries no id").isFalse();
        ActionResult op = result.tests().get(0).actions().get(0);
        assertThat(op.message()).isEqualTo("POST " + stub.baseUrl() + "/Task -> 201");
        assertThat(op.exchange()).hasValueSatisfying(e -> assertThat(e.status()).isEqualTo(201));
    }

    @Test
    void When_ScriptIsParsedFromJson_Expect_ContainedFixtureFound() {
        stub.on("POST", "/Task", Response.of(201, "{\"resourceType\":\"Task\",\"id\":\"9\"}"));
        TestScript script = Scripts.FHIR.newJsonParser().parseResource(TestScript.class, """
                {"resourceType":"TestScript","id":"parsed","url":"http://vardbrygga.example/fhir/TestScript/parsed","name":"Parsed",
                 "status":"active",
                 "contained":[{"resourceType":"Task","id":"t1","status":"draft","intent":"order"}],
                 "fixture":[{"id":"task","autocreate":false,"autodelete":false,"resource":{"reference":"#t1"}}],
                 "test":[{"name":"create","action":[
                   {"operation":{"type":{"system":"http://terminology.hl7.org/CodeSystem/testscript-operation-codes","code":"create"},
                                 "resource":"Task","sourceId":"task","encodeRequestUrl":false}}]}]}""");

        ScriptResult result = Scripts.run(stub, statement, script);

        assertThat(result.tests().get(0).outcome()).isEqualTo(Outcome.PASS);
        assertThat(stub.requests("POST", "/Task").get(0).body()).contains("\"status\":\"draft\"").doesNotContain("t1");
    }

    @Test
    void When_ReadHasTargetId_Expect_IdFromLocationOfEarlierAnswer() {
        stub.on("POST", "/Task", Response.of(201, "{\"resourceType\":\"Task\",\"id\":\"ignored\"}")
                .withHeader("Location", stub.baseUrl() + "/Task/abc123/_history/1"));
        stub.on("GET", "/Task/abc123", Response.of(200, "{\"resourceType\":\"Task\",\"id\":\"abc123\"}"));
        TestScript script = withTaskFixture("create-read");
        test(script, "create-read",
                operation("create", "Task").setSourceId("task").setResponseId("created"),
                operation("read", "Task").setTargetId("created"),
                assertion("200").setResponse(TestScript.AssertionResponseTypes.OKAY));

        ScriptResult result = Scripts.run(stub, statement, script);

        assertThat(result.tests().get(0).outcome()).isEqualTo(Outcome.PASS);
        assertThat(stub.requests()).extracting(r -> r.method() + " " + r.path()).containsExactly("POST /Task", "GET /Task/abc123");
    }

    @Test
    void When_UpdateAndDeleteHaveTargetId_Expect_PutAndDeleteOnThatInstance() {
        stub.on("POST", "/Task", Response.of(201, "").withHeader("Location", "Task/t-7/_history/1"));
        stub.on("PUT", "/Task/t-7", Response.of(200, "{\"resourceType\":\"Task\",\"id\":\"t-7\"}"));
        stub.on("DELETE", "/Task/t-7", Response.of(204, ""));
        TestScript script = withTaskFixture("update-delete");
        test(script, "update-delete",
                operation("create", "Task").setSourceId("task").setResponseId("created"),
                operation("update", "Task").setTargetId("created").setSourceId("task"),
                operation("delete", "Task").setTargetId("created"));

        Scripts.run(stub, statement, script);

        assertThat(stub.requests()).extracting(r -> r.method() + " " + r.path()).containsExactly("POST /Task", "PUT /Task/t-7", "DELETE /Task/t-7");
        assertThat(stub.requests("PUT", "/Task/t-7").get(0).body()).contains("Sondmatning");
    }

    @Test
    void When_TargetHasNoAnswerYet_Expect_ErrorSayingSo() {
        TestScript script = script("no-target");
        test(script, "read", operation("read", "Task").setTargetId("never-created"));

        TestResult test = Scripts.run(stub, statement, script).tests().get(0);

        assertThat(test.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(test.actions().get(0).message()).contains("no id for target 'never-created'");
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void When_VariableHasExpressionOverKeptResponse_Expect_ValueSubstituted() {
        stub.on("GET", "/Task/1", Response.of(200, TASK_1));
        stub.on("GET", "/Task", Response.of(200, "{\"resourceType\":\"Bundle\",\"type\":\"searchset\"}"));
        stub.on("GET", "/Patient", Response.of(200, "{\"resourceType\":\"Bundle\",\"type\":\"searchset\"}"));
        TestScript script = script("variables");
        script.addVariable().setName("owner").setExpression("Task.owner.reference").setSourceId("first");
        test(script, "search-by-owner",
                operation("read", "Task").setParams("/1").setResponseId("first"),
                new TestScript.SetupActionOperationComponent().setUrl("Patient?x=1"), // another answer in between: the variable reads "first"
                operation("search", "Task").setParams("?owner=${owner}"));

        TestResult test = Scripts.run(stub, statement, script).tests().get(0);

        assertThat(test.outcome()).isEqualTo(Outcome.PASS);
        assertThat(stub.requests("GET", "/Task")).singleElement().extracting(Request::query).isEqualTo("owner=Organization/o-42");
    }

    @Test
    void When_VariableHasHeaderField_Expect_HeaderValueInRequestHeader() {
        stub.on("GET", "/Task/1", Response.of(200, TASK_1).withHeader("ETag", "W/\"3\""));
        stub.on("PUT", "/Task/1", Response.of(200, TASK_1));
        TestScript script = script("etag");
        script.addVariable().setName("version").setHeaderField("ETag").setSourceId("read");
        script.addVariable().setName("owner").setExpression("owner.reference").setSourceId("read");
        test(script, "update-if-match",
                operation("read", "Task").setParams("/1").setResponseId("read"),
                operation("update", "Task").setParams("/1").setSourceId("read").setLabel("update")
                        .addRequestHeader(new TestScript.SetupActionOperationRequestHeaderComponent().setField("If-Match").setValue("${version}"))
                        .addRequestHeader(new TestScript.SetupActionOperationRequestHeaderComponent().setField("X-Owner").setValue("owner ${owner}!")));

        TestResult test = Scripts.run(stub, statement, script).tests().get(0);

        assertThat(test.outcome()).isEqualTo(Outcome.PASS);
        Request put = stub.requests("PUT", "/Task/1").get(0);
        assertThat(put.header("If-Match")).isEqualTo("W/\"3\"");
        assertThat(put.header("X-Owner")).isEqualTo("owner Organization/o-42!");
        assertThat(put.body()).isEqualTo(TASK_1);
    }

    @Test
    void When_VariableHasNoValue_Expect_DefaultValueElseError() {
        stub.on("GET", "/Task", Response.of(200, "{\"resourceType\":\"Bundle\",\"type\":\"searchset\"}"));
        TestScript script = script("defaults");
        script.addVariable().setName("withDefault").setHeaderField("X-None").setSourceId("nothing").setDefaultValue("Organization/d");
        script.addVariable().setName("withoutDefault").setHeaderField("X-None").setSourceId("nothing");
        test(script, "default", operation("search", "Task").setParams("?owner=${withDefault}"));
        test(script, "no-value", operation("search", "Task").setParams("?owner=${withoutDefault}"));
        test(script, "undefined", operation("search", "Task").setParams("?owner=${undefined}"));

        ScriptResult result = Scripts.run(stub, statement, script);

        assertThat(result.tests()).extracting(TestResult::outcome).containsExactly(Outcome.PASS, Outcome.ERROR, Outcome.ERROR);
        assertThat(stub.requests("GET", "/Task")).extracting(Request::query).containsExactly("owner=Organization/d");
        assertThat(result.tests().get(1).actions().get(0).message()).isEqualTo("variable ${withoutDefault} has no value yet");
        assertThat(result.tests().get(2).actions().get(0).message()).isEqualTo("variable ${undefined} is not defined");
    }

    @Test
    void When_RequestHeaderGiven_Expect_SentAndOverridingDefaults() {
        stub.on("GET", "/Task/1", Response.of(200, TASK_1));
        TestScript script = script("headers");
        test(script, "headers", operation("read", "Task").setParams("/1")
                .addRequestHeader(new TestScript.SetupActionOperationRequestHeaderComponent().setField("Prefer").setValue("return=representation"))
                .addRequestHeader(new TestScript.SetupActionOperationRequestHeaderComponent().setField("Accept").setValue("application/fhir+xml")));

        Scripts.run(stub, statement, script);

        Request read = stub.requests("GET", "/Task/1").get(0);
        assertThat(read.header("Prefer")).isEqualTo("return=representation");
        assertThat(read.headers().get("Accept")).containsExactly("application/fhir+xml");
    }

    @Test
    void When_OperationHasOrigin_Expect_OriginsAuthorizationWhileOthersUseMainCredentials() {
        stub.on("GET", "/Task/1", Response.of(200, TASK_1));
        TestScript script = script("origins");
        test(script, "two-clients",
                operation("read", "Task").setParams("/1").setLabel("as main"),
                operation("read", "Task").setParams("/1").setLabel("as receiver").setOrigin(1),
                operation("read", "Task").setParams("/1").setLabel("as main again"));
        Supplier<String> receiver = () -> "Bearer receiver-token";

        TestResult test = Scripts.run(stub, statement, script, () -> "Bearer main-token", Map.of(1, receiver)).tests().get(0);

        assertThat(test.outcome()).isEqualTo(Outcome.PASS);
        assertThat(stub.requests("GET", "/Task/1")).extracting(r -> r.header("Authorization"))
                .containsExactly("Bearer main-token", "Bearer receiver-token", "Bearer main-token");
    }

    @Test
    void When_NoCredentials_Expect_NoAuthorizationHeader() {
        stub.on("GET", "/Task/1", Response.of(200, TASK_1));
        TestScript script = script("anonymous");
        test(script, "read", operation("read", "Task").setParams("/1"));

        Scripts.run(stub, statement, script);

        assertThat(stub.requests("GET", "/Task/1").get(0).header("Authorization")).isNull();
    }

    @Test
    void When_ConnectionRefused_Expect_ErrorAndFollowingActionsOfThatTestSkipped() {
        TestScript script = script("refused");
        test(script, "read-twice",
                operation("read", "Task").setParams("/1"),
                assertion("200").setResponse(TestScript.AssertionResponseTypes.OKAY),
                operation("read", "Task").setParams("/2").setLabel("read 2"),
                assertion("a Task").setResource("Task"));
        test(script, "next-test", operation("read", "Task").setParams("/3"));
        stub.close();

        ScriptResult result = Scripts.run(stub, statement, script);

        TestResult test = result.tests().get(0);
        assertThat(test.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(test.actions()).extracting(ActionResult::outcome).containsExactly(Outcome.ERROR, Outcome.SKIP, Outcome.SKIP, Outcome.SKIP);
        assertThat(test.actions().get(0).message()).startsWith("no answer: ");
        assertThat(test.actions().get(0).exchange()).hasValueSatisfying(e -> assertThat(e.status()).isZero());
        assertThat(test.actions().get(2).message()).isEqualTo("not sent: an earlier operation got no answer");
        assertThat(test.actions().get(3).message()).isEqualTo("not checked: an earlier operation got no answer");
        assertThat(test.actions().get(2).label()).isEqualTo("read 2");
        assertThat(test.actions().get(3).label()).isEqualTo("a Task");
        // the next test is tried on its own
        assertThat(result.tests().get(1).actions()).extracting(ActionResult::outcome).containsExactly(Outcome.ERROR);
        assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
    }

    @Test
    void When_SkippedActionsHaveNoLabel_Expect_DescribedAsWhenRun() {
        TestScript script = script("unlabelled");
        TestScript.SetupActionOperationComponent first = operation("read", "Task").setParams("/1");
        first.setLabel(null);
        TestScript.SetupActionOperationComponent second = operation("read", "Task").setParams("/2");
        second.setLabel(null);
        TestScript.SetupActionAssertComponent check = new TestScript.SetupActionAssertComponent().setResource("Task").setWarningOnly(false);
        test(script, "unlabelled", first, second, check);
        stub.close();

        TestResult test = Scripts.run(stub, statement, script).tests().get(0);

        assertThat(test.actions()).extracting(ActionResult::outcome).containsExactly(Outcome.ERROR, Outcome.SKIP, Outcome.SKIP);
        assertThat(test.actions()).extracting(ActionResult::label).containsExactly("read Task /1", "read Task /2", "assert");
    }

    @Test
    void When_OperationHasUrlAndMethod_Expect_ThatRequest() {
        stub.on("POST", "/Task/1/$cancel", Response.of(200, TASK_1));
        TestScript script = script("by-url");
        test(script, "cancel", new TestScript.SetupActionOperationComponent().setUrl("Task/1/$cancel")
                .setMethod(TestScript.TestScriptRequestMethodCode.POST).setEncodeRequestUrl(false));

        TestResult test = Scripts.run(stub, statement, script).tests().get(0);

        assertThat(test.outcome()).isEqualTo(Outcome.PASS);
        assertThat(test.actions().get(0).label()).isEqualTo("post Task/1/$cancel");
        assertThat(stub.requests("POST", "/Task/1/$cancel")).hasSize(1);
    }

    @Test
    void When_EncodeRequestUrl_Expect_QueryValuesPercentEncodedAndTheServerSeesThemAsWritten() {
        stub.on("GET", "/Organization", Response.of(200, "{\"resourceType\":\"Bundle\",\"type\":\"searchset\"}"));
        searchParams(claim(statement, "Organization", "search-type"), "identifier", "name");
        TestScript script = script("encoded");
        test(script, "by-identifier", operation("search", "Organization")
                .setParams("?identifier=urn:oid:1.2.752.29.4.19|SE2120009952-VB2401&name:contains=Umeå kommun").setEncodeRequestUrl(true));

        TestResult test = Scripts.run(stub, statement, script).tests().get(0);

        assertThat(test.actions().get(0).exchange().orElseThrow().url())
                .endsWith("?identifier=urn%3Aoid%3A1.2.752.29.4.19%7CSE2120009952-VB2401&name:contains=Ume%C3%A5%20kommun");
        assertThat(stub.requests("GET", "/Organization")).singleElement().extracting(Request::query)
                .isEqualTo("identifier=urn:oid:1.2.752.29.4.19|SE2120009952-VB2401&name:contains=Umeå kommun");
    }

    @Test
    void When_QueryEncoded_Expect_PathAndNamesKeptAndEmptyValuesAllowed() {
        assertThat(OperationStep.encodeQuery("Task/1/$routes")).isEqualTo("Task/1/$routes");
        assertThat(OperationStep.encodeQuery("Task?status=&_count=1&flag")).isEqualTo("Task?status=&_count=1&flag");
        assertThat(OperationStep.encodeQuery("Task?_id=a,b")).isEqualTo("Task?_id=a%2Cb");
    }
}
