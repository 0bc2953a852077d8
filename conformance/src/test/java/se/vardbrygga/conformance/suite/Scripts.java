package se.vardbrygga.conformance.suite;

import ca.uhn.fhir.context.FhirContext;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.TestScript;

/** Builds small TestScripts and CapabilityStatements for the tests, and runs a script against a stub. */
final class Scripts {
    static final FhirContext FHIR = FhirContext.forR4Cached();
    static final String OPERATION_CODES = "http://terminology.hl7.org/CodeSystem/testscript-operation-codes";
    static final String DELEGATION_TASK = "http://vardbrygga.example/fhir/StructureDefinition/vb-delegation-task";

    private static ProfileCheck profiles;

    private Scripts() {
    }

    /** One ProfileCheck for all tests: it loads the profile package, which takes seconds. */
    static synchronized ProfileCheck profiles() {
        if (profiles == null) {
            profiles = new ProfileCheck(FHIR);
        }
        return profiles;
    }

    static TestScript script(String id) {
        TestScript script = new TestScript();
        script.setId(id);
        script.setUrl("http://vardbrygga.example/fhir/TestScript/" + id);
        script.setName(id);
        script.setStatus(Enumerations.PublicationStatus.ACTIVE);
        return script;
    }

    static TestScript.SetupActionOperationComponent operation(String code, String resource) {
        TestScript.SetupActionOperationComponent op = new TestScript.SetupActionOperationComponent();
        op.setType(new Coding(OPERATION_CODES, code, null));
        if (resource != null) {
            op.setResource(resource);
        }
        op.setEncodeRequestUrl(false);
        op.setLabel(code + (resource == null ? "" : " " + resource));
        return op;
    }

    static TestScript.SetupActionAssertComponent assertion(String label) {
        TestScript.SetupActionAssertComponent a = new TestScript.SetupActionAssertComponent();
        a.setLabel(label);
        a.setWarningOnly(false);
        return a;
    }

    /** Adds a test whose actions are operations and asserts, in order. */
    static TestScript.TestScriptTestComponent test(TestScript script, String name, Object... actions) {
        TestScript.TestScriptTestComponent test = script.addTest().setName(name).setDescription("test " + name);
        for (Object action : actions) {
            TestScript.TestActionComponent a = test.addAction();
            if (action instanceof TestScript.SetupActionOperationComponent op) {
                a.setOperation(op);
            } else {
                a.setAssert((TestScript.SetupActionAssertComponent) action);
            }
        }
        return test;
    }

    /** Sets the script's setup: operations and asserts, in order. */
    static void setup(TestScript script, Object... actions) {
        TestScript.TestScriptSetupComponent setup = script.getSetup();
        for (Object action : actions) {
            TestScript.SetupActionComponent a = setup.addAction();
            if (action instanceof TestScript.SetupActionOperationComponent op) {
                a.setOperation(op);
            } else {
                a.setAssert((TestScript.SetupActionAssertComponent) action);
            }
        }
    }

    /** A server CapabilityStatement for FHIR 4.0.1 in JSON that claims nothing yet. */
    static CapabilityStatement capabilities() {
        CapabilityStatement statement = new CapabilityStatement();
        statement.setStatus(Enumerations.PublicationStatus.ACTIVE);
        statement.setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE);
        statement.setFhirVersion(Enumerations.FHIRVersion._4_0_1);
        statement.addFormat("json");
        statement.addRest().setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
        return statement;
    }

    /** Claims a resource type with type interactions (read, create, search-type …) and search parameters. */
    static CapabilityStatement.CapabilityStatementRestResourceComponent claim(CapabilityStatement statement, String type,
                                                                               String... interactions) {
        CapabilityStatement.CapabilityStatementRestResourceComponent resource = statement.getRestFirstRep().addResource().setType(type);
        Arrays.stream(interactions).forEach(i -> resource.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.fromCode(i)));
        return resource;
    }

    static CapabilityStatement.CapabilityStatementRestResourceComponent searchParams(
            CapabilityStatement.CapabilityStatementRestResourceComponent resource, String... names) {
        Arrays.stream(names).forEach(n -> resource.addSearchParam().setName(n).setType(Enumerations.SearchParamType.TOKEN));
        return resource;
    }

    static String json(org.hl7.fhir.instance.model.api.IBaseResource resource) {
        return FHIR.newJsonParser().encodeResourceToString(resource);
    }

    static ServerConnection connection(StubFhirServer stub, Supplier<String> authorization) {
        return new ServerConnection(HttpClient.newHttpClient(), stub.baseUrl(), authorization, Duration.ofSeconds(10));
    }

    /** Runs one script against the stub as a server that claims {@code statement}, without credentials or origins. */
    static ScriptResult run(StubFhirServer stub, CapabilityStatement statement, TestScript script) {
        return run(stub, statement, script, () -> null, Map.of());
    }

    static ScriptResult run(StubFhirServer stub, CapabilityStatement statement, TestScript script, Supplier<String> authorization,
                            Map<Integer, Supplier<String>> origins) {
        return new ScriptRunner(connection(stub, authorization), origins, profiles(), new CapabilityCheck(statement)).run(script);
    }
}
