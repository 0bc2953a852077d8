package se.vardbrygga.conformance.suite;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.TestScript;

/**
 * Checks one assert of a TestScript against the last answer (or the answer or fixture its {@code sourceId} names):
 * the response code (by name or number), the resource type, conformance to a profile (offline, {@link ProfileCheck}),
 * a FHIRPath expression, a header. Each part the assert has must hold; a failed {@code warningOnly} assert is a
 * warning. The message says what was expected and what was found.
 */
final class AssertStep {
    private static final Map<String, Integer> RESPONSES = Map.ofEntries(Map.entry("okay", 200), Map.entry("created", 201),
            Map.entry("noContent", 204), Map.entry("notModified", 304), Map.entry("bad", 400), Map.entry("forbidden", 403),
            Map.entry("notFound", 404), Map.entry("methodNotAllowed", 405), Map.entry("conflict", 409), Map.entry("gone", 410),
            Map.entry("preconditionFailed", 412), Map.entry("unprocessable", 422));

    private final ProfileCheck profiles;
    private final Map<String, String> profileUrls;

    AssertStep(ProfileCheck profiles, TestScript script) {
        this.profiles = profiles;
        this.profileUrls = new java.util.HashMap<>();
        script.getProfile().forEach(p -> profileUrls.put(p.getId(), p.getReference()));
    }

    ActionResult run(TestScript.SetupActionAssertComponent a, ScriptContext context) {
        String label = label(a);
        List<String> failures = new ArrayList<>();
        List<String> passed = new ArrayList<>();
        try {
            Optional<Exchange> answer = a.hasSourceId() ? context.response(a.getSourceId()) : context.last();
            String body = a.hasSourceId() ? context.body(a.getSourceId()).orElse(null) : answer.map(Exchange::responseBody).orElse(null);
            int status = answer.map(Exchange::status).orElse(0);
            if (a.hasResponse()) {
                int expected = RESPONSES.get(a.getResponse().toCode());
                check(status == expected, "response " + expected + " (" + a.getResponse().toCode() + ")", "got " + status, passed, failures);
            }
            if (a.hasResponseCode()) {
                String op = a.hasOperator() ? a.getOperator().toCode() : "equals";
                check(compare(op, List.of(String.valueOf(status)), a.getResponseCode()), "response code " + op + " " + a.getResponseCode(),
                        "got " + status, passed, failures);
            }
            if (a.hasResource()) {
                String type = body == null ? null : resourceType(context, body);
                check(a.getResource().equals(type), "a " + a.getResource(), "got " + (type == null ? "no resource" : type), passed, failures);
            }
            if (a.hasValidateProfileId()) {
                String profile = profileUrls.get(a.getValidateProfileId());
                if (profile == null) {
                    throw new ScriptContext.ScriptException("profile id '" + a.getValidateProfileId() + "' is not declared in the script");
                }
                List<String> errors = body == null ? List.of("no resource to validate") : profiles.errors(body, profile);
                check(errors.isEmpty(), "conforms to " + profile, String.join("; ", errors.stream().limit(5).toList()), passed, failures);
            }
            if (a.hasExpression()) {
                expression(a, context, body, passed, failures);
            }
            if (a.hasHeaderField()) {
                String value = answer.map(e -> e.responseHeader(a.getHeaderField())).orElse(null);
                String op = a.hasOperator() ? a.getOperator().toCode() : a.hasValue() ? "equals" : "notEmpty";
                check(compare(op, value == null ? List.of() : List.of(value), context.substitute(a.getValue())),
                        "header " + a.getHeaderField() + " " + op + (a.hasValue() ? " " + context.substitute(a.getValue()) : ""),
                        "got " + value, passed, failures);
            }
        } catch (ScriptContext.ScriptException e) {
            return ActionResult.assertion(label, Outcome.ERROR, e.getMessage());
        } catch (RuntimeException e) { // an answer that is not FHIR, an expression that does not evaluate
            return ActionResult.assertion(label, a.getWarningOnly() ? Outcome.WARNING : Outcome.FAIL,
                    "could not be checked: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
        if (failures.isEmpty()) {
            return ActionResult.assertion(label, Outcome.PASS, String.join("; ", passed));
        }
        return ActionResult.assertion(label, a.getWarningOnly() ? Outcome.WARNING : Outcome.FAIL, String.join("; ", failures));
    }

    /** How reports name an assert: its label, else its description, else "assert". */
    static String label(TestScript.SetupActionAssertComponent a) {
        return a.hasLabel() ? a.getLabel() : a.hasDescription() ? a.getDescription() : "assert";
    }

    private void expression(TestScript.SetupActionAssertComponent a, ScriptContext context, String body, List<String> passed,
                            List<String> failures) {
        if (body == null) {
            failures.add("expected " + a.getExpression() + ", but there is no resource");
            return;
        }
        String expression = context.substitute(a.getExpression());
        List<IBase> result = context.evaluate(body, expression);
        List<String> values = result.stream().map(ScriptContext::text).toList();
        String op = a.hasOperator() ? a.getOperator().toCode() : a.hasValue() ? "equals" : "eval";
        boolean ok = op.equals("eval") ? values.equals(List.of("true")) : compare(op, values, context.substitute(a.getValue()));
        check(ok, expression + (op.equals("eval") ? " is true" : " " + op + (a.hasValue() ? " " + context.substitute(a.getValue()) : "")),
                "got " + (values.isEmpty() ? "nothing" : values), passed, failures);
    }

    /** TestScript's assert operators over the found values (first value where one is meant). */
    static boolean compare(String operator, List<String> found, String expected) {
        String first = found.isEmpty() ? null : found.get(0);
        List<String> list = expected == null ? List.of() : Arrays.stream(expected.split(",")).map(String::trim).toList();
        return switch (operator) {
            case "equals" -> first != null && first.equals(expected);
            case "notEquals" -> first == null || !first.equals(expected);
            case "in" -> first != null && list.contains(first);
            case "notIn" -> first == null || !list.contains(first);
            case "greaterThan" -> first != null && number(first) > number(expected);
            case "lessThan" -> first != null && number(first) < number(expected);
            case "empty" -> found.isEmpty() || found.stream().allMatch(String::isEmpty);
            case "notEmpty" -> !found.isEmpty() && found.stream().anyMatch(v -> !v.isEmpty());
            case "contains" -> found.stream().anyMatch(v -> v.contains(expected));
            case "notContains" -> found.stream().noneMatch(v -> v.contains(expected));
            default -> throw new ScriptContext.ScriptException("operator '" + operator + "' is not supported");
        };
    }

    private static double number(String value) {
        return Double.parseDouble(value);
    }

    private static String resourceType(ScriptContext context, String body) {
        IBaseResource resource = context.parse(body);
        return context.fhir().getResourceType(resource);
    }

    private static void check(boolean ok, String expected, String found, List<String> passed, List<String> failures) {
        if (ok) {
            passed.add(expected);
        } else {
            failures.add("expected " + expected + ", " + found);
        }
    }
}
