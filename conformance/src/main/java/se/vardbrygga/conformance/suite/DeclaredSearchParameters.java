package se.vardbrygga.conformance.suite;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;
import org.hl7.fhir.r4.model.TestScript;

/**
 * The tests of every search parameter the server declares, made from its CapabilityStatement at the start of a run:
 * the script that carries {@link #EXTENSION} gets one test per resource type and parameter. Each searches with a
 * value that matches nothing and expects an empty searchset — a server that ignores the parameter answers with
 * everything of the type. So that this tells something, the test first looks for any resource of the type (a warning
 * when there is none). A parameter whose type has no such value (composite, special) is named in the script's
 * description instead. The hand-written {@code search-parameters} script shows for some parameters that they also
 * find what they should.
 */
public final class DeclaredSearchParameters {
    /** On a TestScript (valueCode {@code capability-statement}): its tests are generated here. */
    public static final String EXTENSION = "http://vardbrygga.example/fhir/StructureDefinition/conformance-generated-tests";

    private static final Map<SearchParamType, String> NO_MATCH = Map.of(
            SearchParamType.TOKEN, "vb-conformance-no-such-code",
            SearchParamType.STRING, "Zzvbconformancenosuchvalue",
            SearchParamType.REFERENCE, "vb-conformance-no-such-id",
            SearchParamType.DATE, "1800-01-01",
            SearchParamType.NUMBER, "-987654321",
            SearchParamType.QUANTITY, "-987654321",
            SearchParamType.URI, "urn:vb:conformance:no-such");

    private DeclaredSearchParameters() {
    }

    static boolean generated(TestScript script) {
        return script.hasExtension(EXTENSION);
    }

    /** A copy of {@code script} with a test per declared search parameter of {@code statement}. */
    static TestScript expand(TestScript script, CapabilityStatement statement) {
        TestScript expanded = script.copy();
        List<String> left = new ArrayList<>();
        for (CapabilityStatement.CapabilityStatementRestComponent rest : statement.getRest()) {
            for (CapabilityStatement.CapabilityStatementRestResourceComponent resource : rest.getResource()) {
                for (CapabilityStatement.CapabilityStatementRestResourceSearchParamComponent param : resource.getSearchParam()) {
                    String value = param.hasType() ? NO_MATCH.get(param.getType()) : null;
                    if (value == null) {
                        left.add(resource.getType() + "?" + param.getName() + " (" + (param.hasType() ? param.getType().toCode() : "no type") + ")");
                        continue;
                    }
                    expanded.addTest(test(resource.getType(), param.getName(), value));
                }
            }
        }
        if (!left.isEmpty()) {
            expanded.setDescription(expanded.getDescription() + " Not checked (no value of that type that matches nothing): "
                    + String.join(", ", left) + ".");
        }
        return expanded;
    }

    private static TestScript.TestScriptTestComponent test(String type, String param, String value) {
        TestScript.TestScriptTestComponent test = new TestScript.TestScriptTestComponent()
                .setName(type + "-" + param)
                .setDescription(type + "?" + param + "=" + value + " matches nothing: the searchset is empty (a server that ignores "
                        + param + " answers with every " + type + ")");
        TestScript.SetupActionOperationComponent any = search(type, "?_count=1", "a " + type + " to tell apart");
        any.addExtension(ScriptRunner.SKIP_WHEN_FORBIDDEN_EXTENSION, new org.hl7.fhir.r4.model.BooleanType(true));
        test.addAction().setOperation(any);
        test.addAction().setAssert(new TestScript.SetupActionAssertComponent().setLabel("there is a " + type + " (else this says little)")
                .setExpression("entry.exists()").setWarningOnly(true));
        test.addAction().setOperation(search(type, "?" + param + "=" + value + "&_count=1", type + "?" + param + "=" + value));
        test.addAction().setAssert(new TestScript.SetupActionAssertComponent().setLabel("200")
                .setResponse(TestScript.AssertionResponseTypes.OKAY).setWarningOnly(false));
        test.addAction().setAssert(new TestScript.SetupActionAssertComponent().setLabel("a Bundle")
                .setResource("Bundle").setWarningOnly(false));
        test.addAction().setAssert(new TestScript.SetupActionAssertComponent().setLabel("nothing matches")
                .setExpression("entry.where(search.mode = 'match').empty()").setWarningOnly(false));
        return test;
    }

    private static TestScript.SetupActionOperationComponent search(String type, String params, String label) {
        return new TestScript.SetupActionOperationComponent()
                .setType(new Coding("http://terminology.hl7.org/CodeSystem/testscript-operation-codes", "search", null))
                .setResource(type).setParams(params).setLabel(label).setEncodeRequestUrl(false);
    }
}
