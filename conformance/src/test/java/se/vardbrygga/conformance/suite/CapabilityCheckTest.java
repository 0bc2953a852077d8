package se.vardbrygga.conformance.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static se.vardbrygga.conformance.suite.Scripts.assertion;
import static se.vardbrygga.conformance.suite.Scripts.capabilities;
import static se.vardbrygga.conformance.suite.Scripts.claim;
import static se.vardbrygga.conformance.suite.Scripts.operation;
import static se.vardbrygga.conformance.suite.Scripts.script;
import static se.vardbrygga.conformance.suite.Scripts.searchParams;
import static se.vardbrygga.conformance.suite.Scripts.setup;
import static se.vardbrygga.conformance.suite.Scripts.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.TestScript;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a test needs of the CapabilityStatement, and what the runner does when it is not claimed. */
class CapabilityCheckTest {

    private static final String BUNDLE = "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"total\":0}";

    private StubFhirServer stub;
    private CapabilityStatement statement;

    @BeforeEach
    void start() throws Exception {
        stub = StubFhirServer.start();
        stub.on("GET", "/Task", StubFhirServer.Response.of(200, BUNDLE));
        statement = capabilities();
        searchParams(claim(statement, "Task", "read", "search-type"), "owner", "status");
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private static TestScript search(String params) {
        TestScript script = script("search");
        test(script, "search", operation("search", "Task").setParams(params), assertion("200").setResponse(TestScript.AssertionResponseTypes.OKAY));
        return script;
    }

    @Test
    void When_SearchUsesParameterNotDeclared_Expect_SkipNamingTypeAndParameter() {
        ScriptResult result = Scripts.run(stub, statement, search("?owner=Organization/o1&performer=Organization/o2"));

        TestResult test = result.tests().get(0);
        assertThat(test.outcome()).isEqualTo(Outcome.SKIP);
        assertThat(test.skipReason()).contains("Task search parameter 'performer'");
        assertThat(test.actions()).isEmpty();
        assertThat(stub.requests("GET", "/Task")).isEmpty();
    }

    @Test
    void When_SearchParamsHaveNoQuestionMark_Expect_ParametersStillChecked() {
        ScriptResult undeclared = Scripts.run(stub, statement, search("performer=Organization/o2"));
        ScriptResult declared = Scripts.run(stub, statement, search("owner=Organization/o1"));

        assertThat(undeclared.tests().get(0).outcome()).isEqualTo(Outcome.SKIP);
        assertThat(undeclared.tests().get(0).skipReason()).contains("Task search parameter 'performer'");
        assertThat(declared.tests().get(0).outcome()).isEqualTo(Outcome.PASS);
        assertThat(stub.requests("GET", "/Task")).extracting(StubFhirServer.Request::query).containsExactly("owner=Organization/o1");
    }

    @Test
    void When_SearchParamsParsed_Expect_NamesWithoutModifiers() {
        assertThat(CapabilityCheck.SearchParameters.names("?owner=x&status:not=y&_count=1")).containsExactly("owner", "status", "_count");
        assertThat(CapabilityCheck.SearchParameters.names("owner:missing=true")).containsExactly("owner");
        assertThat(CapabilityCheck.SearchParameters.names("?")).isEmpty();
        assertThat(CapabilityCheck.SearchParameters.names("")).isEmpty();
        assertThat(CapabilityCheck.SearchParameters.names(null)).isEmpty();
    }

    @Test
    void When_SearchParameterIsDeclaredForAnotherTypeOnly_Expect_Skip() {
        searchParams(claim(statement, "CarePlan", "search-type"), "subject");

        ScriptResult result = Scripts.run(stub, statement, search("?subject=Patient/p1"));

        assertThat(result.tests().get(0).outcome()).isEqualTo(Outcome.SKIP);
        assertThat(result.tests().get(0).skipReason()).contains("Task search parameter 'subject'");
    }

    @Test
    void When_SearchUsesCommonParameters_Expect_NoDeclarationNeeded() {
        ScriptResult result = Scripts.run(stub, statement, search("?_count=1&_sort=-_lastUpdated&_id=abc"));

        assertThat(result.tests().get(0).outcome()).isEqualTo(Outcome.PASS);
        assertThat(stub.requests("GET", "/Task")).singleElement().extracting(StubFhirServer.Request::query)
                .isEqualTo("_count=1&_sort=-_lastUpdated&_id=abc");
    }

    @Test
    void When_DeclaredParameterHasModifier_Expect_Run() {
        ScriptResult result = Scripts.run(stub, statement, search("?status:not=cancelled&owner:missing=false"));

        assertThat(result.tests().get(0).outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void When_SearchTypeNotClaimed_Expect_Skip() {
        CapabilityStatement readOnly = capabilities();
        claim(readOnly, "Task", "read");

        ScriptResult result = Scripts.run(stub, readOnly, search("?_count=1"));

        assertThat(result.tests().get(0).outcome()).isEqualTo(Outcome.SKIP);
        assertThat(result.tests().get(0).skipReason()).contains("Task search-type");
    }

    @Test
    void When_TypeInteractionNotClaimed_Expect_SkipNamingTypeAndInteraction() {
        TestScript script = script("create");
        test(script, "create", operation("create", "Task"), assertion("201").setResponse(TestScript.AssertionResponseTypes.CREATED));
        test(script, "read", operation("read", "Task").setParams("/1"));
        stub.on("GET", "/Task/1", StubFhirServer.Response.of(200, "{\"resourceType\":\"Task\",\"id\":\"1\"}"));

        ScriptResult result = Scripts.run(stub, statement, script);

        assertThat(result.tests()).extracting(TestResult::outcome).containsExactly(Outcome.SKIP, Outcome.PASS);
        assertThat(result.tests().get(0).skipReason()).isEqualTo("needs Task create (not claimed or not given)");
        assertThat(stub.requests()).extracting(StubFhirServer.Request::method).containsExactly("GET");
    }

    @Test
    void When_TypeNotInStatementAtAll_Expect_Skip() {
        TestScript script = script("consent");
        test(script, "read", operation("read", "Consent").setParams("/c1"));

        ScriptResult result = Scripts.run(stub, statement, script);

        assertThat(result.tests().get(0).skipReason()).contains("Consent read");
    }

    @Test
    void When_SystemInteractionOrOperationNotClaimed_Expect_MissingNamesThem() {
        TestScript.SetupActionOperationComponent transaction = operation("transaction", null);
        TestScript.SetupActionOperationComponent validate = operation("$validate", "Task");

        assertThat(new CapabilityCheck(statement).missing(List.of(transaction, validate)))
                .containsExactly("the system interaction transaction", "Task $validate");

        statement.getRestFirstRep().addInteraction().setCode(CapabilityStatement.SystemRestfulInteraction.TRANSACTION);
        statement.getRestFirstRep().getResource().get(0).addOperation().setName("validate")
                .setDefinition("http://hl7.org/fhir/OperationDefinition/Resource-validate");
        assertThat(new CapabilityCheck(statement).missing(List.of(transaction, validate))).isEmpty();
    }

    @Test
    void When_PlainRequestByUrlOrCapabilities_Expect_NothingNeeded() {
        TestScript.SetupActionOperationComponent byUrl = new TestScript.SetupActionOperationComponent().setUrl("Task/x/$everything");
        CapabilityCheck check = new CapabilityCheck(capabilities());

        assertThat(check.missing(List.of(byUrl, operation("capabilities", null)))).isEmpty();
    }

    @Test
    void When_SameNeedTwice_Expect_NamedOnce() {
        CapabilityCheck check = new CapabilityCheck(capabilities());

        assertThat(check.missing(List.of(operation("create", "Task"), operation("create", "Task")))).containsExactly("Task create");
    }

    @Test
    void When_OriginHasNoCredentials_Expect_SkipNamingOrigin() {
        TestScript script = script("origin");
        test(script, "as-receiver", operation("read", "Task").setParams("/1").setOrigin(2));

        ScriptResult result = Scripts.run(stub, statement, script);

        assertThat(result.tests().get(0).outcome()).isEqualTo(Outcome.SKIP);
        assertThat(result.tests().get(0).skipReason()).contains("credentials of origin 2");
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void When_SetupNeedsWhatIsNotClaimed_Expect_ScriptOmittedAndListed() {
        stub.on("GET", "/metadata", StubFhirServer.Response.of(200, Scripts.json(statement)));
        TestScript needsPatient = script("patient-setup");
        setup(needsPatient, operation("create", "Patient"));
        test(needsPatient, "read", operation("read", "Task").setParams("/1"));
        TestScript fine = search("?_count=5");
        fine.setId("task-search");
        List<String> progress = new ArrayList<>();

        SuiteResult result = new SuiteRunner(Scripts.connection(stub, () -> null), Map.of(), Scripts.profiles(), progress::add)
                .run(List.of(needsPatient, fine));

        assertThat(result.scripts()).extracting(ScriptResult::id).containsExactly("task-search");
        assertThat(result.omitted()).singleElement().asString().startsWith("patient-setup: needs Patient create");
        assertThat(progress).anySatisfy(line -> assertThat(line).startsWith("omitted patient-setup"));
        assertThat(stub.requests()).extracting(StubFhirServer.Request::path).containsExactly("/metadata", "/Task");
        assertThat(result.passed(false)).isTrue();
    }
}
