package se.vardbrygga.conformance.scripts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.TestScript;
import se.vardbrygga.conformance.suite.ProfilePackageFiles;
import se.vardbrygga.conformance.suite.ScriptRunner;

/**
 * Writes the TestScript {@code profiles} from the profile package, so that it always covers every example the package
 * carries: each valid example is accepted by {@code $validate} (no error issue), each {@code invalid-KEY} example is
 * refused on create with 422 and an OperationOutcome whose error names the broken constraint KEY and, where the
 * constraint serves a domain rule, the rule id (tagged on the test). Its source is the package; its output is the
 * committed {@code testscripts/profiles.json} ({@link ProfilesScriptTest} keeps them equal).
 */
final class ProfilesScript {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RULE = Pattern.compile("R-[A-Z]+-[0-9]+");
    private static final String OPERATION_CODES = "http://terminology.hl7.org/CodeSystem/testscript-operation-codes";
    private static final Set<String> CONFORMANCE_TYPES = Set.of("StructureDefinition", "CodeSystem", "ValueSet", "ImplementationGuide",
            "SearchParameter", "CapabilityStatement", "OperationDefinition");
    private static final String ERROR = "issue.where(severity = 'error' or severity = 'fatal')";

    private ProfilesScript() {
    }

    static TestScript build() {
        Map<String, String> examples = new TreeMap<>(); // file -> resource type
        Map<String, Set<String>> rulesOfConstraint = new TreeMap<>();
        for (String file : ProfilePackageFiles.names()) {
            if (!file.endsWith(".json") || file.startsWith(".") || file.equals("package.json")) {
                continue;
            }
            JsonNode resource = read(file);
            String type = resource.path("resourceType").asText();
            if (type.equals("StructureDefinition")) {
                collectRules(resource, rulesOfConstraint);
            } else if (!CONFORMANCE_TYPES.contains(type)) {
                examples.put(file, type);
            }
        }
        TestScript script = new TestScript();
        script.setId("profiles");
        script.setUrl("http://vardbrygga.example/fhir/TestScript/profiles");
        script.setName("Profiles");
        script.setTitle("Every example of the profile package: the valid accepted, each invalid refused with the right issue");
        script.setStatus(Enumerations.PublicationStatus.ACTIVE);
        script.setDescription("Generated from the profile package by ProfilesScript (conformance tests); do not edit by hand. Valid examples "
                + "are checked with $validate (nothing stored); invalid ones are created and must be refused with 422.");
        examples.forEach((file, type) -> {
            String name = file.substring(type.length() + 1, file.length() - ".json".length());
            String fixture = name;
            script.addFixture().setAutocreate(false).setAutodelete(false)
                    .setResource(new Reference(ProfilePackageFiles.PREFIX + file)).setId(fixture);
            if (name.startsWith("invalid-")) {
                String key = name.substring("invalid-".length());
                invalid(script, type, fixture, key, rulesOfConstraint.getOrDefault(key, Set.of()));
            } else {
                valid(script, type, fixture);
            }
        });
        return script;
    }

    private static void valid(TestScript script, String type, String fixture) {
        TestScript.TestScriptTestComponent test = script.addTest().setName("valid-" + fixture)
                .setDescription("The valid example " + fixture + " conforms to its profile ($validate)");
        TestScript.SetupActionOperationComponent op = new TestScript.SetupActionOperationComponent()
                .setType(new Coding(OPERATION_CODES, "validate", null)).setResource(type).setUrl(type + "/$validate")
                .setMethod(TestScript.TestScriptRequestMethodCode.POST).setSourceId(fixture).setEncodeRequestUrl(false)
                .setLabel("validate " + fixture);
        test.addAction().setOperation(op);
        test.addAction().setAssert(assertion("200").setResponse(TestScript.AssertionResponseTypes.OKAY));
        test.addAction().setAssert(assertion("an OperationOutcome").setResource("OperationOutcome"));
        test.addAction().setAssert(assertion("no error issue").setExpression(ERROR + ".empty()"));
    }

    private static void invalid(TestScript script, String type, String fixture, String key, Set<String> rules) {
        TestScript.TestScriptTestComponent test = script.addTest().setName(fixture)
                .setDescription("The invalid example " + fixture + " breaks " + key + (rules.isEmpty() ? "" : " (" + String.join(", ", rules) + ")")
                        + ": a create is refused with 422 naming it");
        rules.forEach(rule -> test.addExtension(ScriptRunner.RULE_EXTENSION, new Coding(ScriptRunner.RULE_SYSTEM, rule, null)));
        test.addAction().setOperation(new TestScript.SetupActionOperationComponent()
                .setType(new Coding(OPERATION_CODES, "create", null)).setResource(type).setSourceId(fixture).setEncodeRequestUrl(false)
                .setLabel("create " + fixture));
        test.addAction().setAssert(assertion("422").setResponse(TestScript.AssertionResponseTypes.UNPROCESSABLE));
        test.addAction().setAssert(assertion("an OperationOutcome").setResource("OperationOutcome"));
        test.addAction().setAssert(assertion("an error naming " + key).setExpression(ERROR + ".where(diagnostics.contains('" + key + "')).exists()"));
        for (String rule : rules) {
            test.addAction().setAssert(assertion("the rule " + rule).setExpression(
                    "issue.details.coding.where(system = '" + ScriptRunner.RULE_SYSTEM + "' and code = '" + rule + "').exists()"));
        }
    }

    private static TestScript.SetupActionAssertComponent assertion(String label) {
        return new TestScript.SetupActionAssertComponent().setLabel(label).setWarningOnly(false);
    }

    /** The rule ids each constraint key's text names ({@code … (R-DEL-4)}). */
    private static void collectRules(JsonNode structure, Map<String, Set<String>> rules) {
        List<JsonNode> elements = new ArrayList<>();
        structure.path("snapshot").path("element").forEach(elements::add);
        structure.path("differential").path("element").forEach(elements::add);
        for (JsonNode element : elements) {
            for (JsonNode constraint : element.path("constraint")) {
                String key = constraint.path("key").asText();
                Matcher m = RULE.matcher(constraint.path("human").asText());
                Set<String> found = rules.computeIfAbsent(key, k -> new LinkedHashSet<>());
                while (m.find()) {
                    found.add(m.group());
                }
            }
        }
    }

    private static JsonNode read(String file) {
        try {
            return JSON.readTree(ProfilePackageFiles.read(file).orElseThrow());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
