package se.vardbrygga.conformance.suite;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.TestScript;

/**
 * The state of one script's run: its fixtures (contained resources {@code #id}; files {@code fixtures/…json} packed
 * with the suite, kept as raw text so a deliberately malformed one stays malformed; or {@code package/…json}, an
 * example of the packaged profile package), the answers kept under their
 * {@code responseId}, the last exchange, and the script's variables ({@code ${name}}), each evaluated when used:
 * a FHIRPath expression or a header of its source, else its default.
 */
final class ScriptContext {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_-]+)}");

    private final FhirContext fhir;
    private final TestScript script;
    private final Map<String, String> fixtures = new HashMap<>();
    private final Map<String, Exchange> responses = new HashMap<>();
    private Exchange last;

    ScriptContext(FhirContext fhir, TestScript script) {
        this.fhir = fhir;
        this.script = script;
        for (TestScript.TestScriptFixtureComponent fixture : script.getFixture()) {
            fixtures.put(fixture.getId(), load(fixture.getResource().getReference()));
        }
    }

    private String load(String reference) {
        if (reference != null && reference.startsWith("#")) {
            Resource contained = script.getContained().stream()
                    .filter(r -> r.getIdElement().getIdPart().equals(reference.substring(1)) || ("#" + r.getIdElement().getIdPart()).equals(reference))
                    .findFirst().orElseThrow(() -> new ScriptException("fixture " + reference + " is not contained in the script"));
            Resource copy = contained.copy();
            copy.setId((String) null);
            return fhir.newJsonParser().encodeResourceToString(copy);
        }
        if (reference != null && reference.startsWith(ProfilePackageFiles.PREFIX)) {
            return ProfilePackageFiles.read(reference.substring(ProfilePackageFiles.PREFIX.length()))
                    .orElseThrow(() -> new ScriptException("fixture " + reference + " is not in the profile package"));
        }
        try (InputStream in = ScriptContext.class.getResourceAsStream("/testscripts/" + reference)) {
            if (in == null) {
                throw new ScriptException("fixture file " + reference + " is not packed with the suite");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void record(String responseId, Exchange exchange) {
        last = exchange;
        if (responseId != null && !responseId.isBlank()) {
            responses.put(responseId, exchange);
        }
    }

    Optional<Exchange> last() {
        return Optional.ofNullable(last);
    }

    Optional<Exchange> response(String id) {
        return Optional.ofNullable(responses.get(id));
    }

    /** The body of a fixture (variables filled in) or of a kept answer; empty when there is neither. */
    Optional<String> body(String sourceId) {
        if (responses.containsKey(sourceId)) {
            return Optional.ofNullable(responses.get(sourceId).responseBody());
        }
        return fixture(sourceId).map(this::substitute);
    }

    /** A fixture's text as packed, variables not yet filled in. */
    Optional<String> fixture(String id) {
        return Optional.ofNullable(fixtures.get(id));
    }

    /** The id of the resource a fixture or an answer is about: the answer's Location, else the body's id. */
    Optional<String> idOf(String sourceId) {
        Exchange answer = responses.get(sourceId);
        if (answer != null && answer.responseHeader("Location") != null) {
            String[] parts = answer.responseHeader("Location").replaceAll("/_history/.*$", "").split("/");
            return Optional.of(parts[parts.length - 1]);
        }
        return body(sourceId).map(this::parse).map(r -> r.getIdElement().getIdPart());
    }

    /** Fills in {@code ${name}} with the variables' values; an unknown variable is an error of the script. */
    String substitute(String text) {
        if (text == null || !text.contains("${")) {
            return text;
        }
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(value(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String value(String name) {
        TestScript.TestScriptVariableComponent variable = script.getVariable().stream().filter(v -> name.equals(v.getName()))
                .findFirst().orElseThrow(() -> new ScriptException("variable ${" + name + "} is not defined"));
        Optional<String> found = Optional.empty();
        if (variable.hasHeaderField() && variable.hasSourceId()) {
            found = response(variable.getSourceId()).map(e -> e.responseHeader(variable.getHeaderField()));
        } else if (variable.hasExpression()) {
            found = (variable.hasSourceId() ? body(variable.getSourceId()) : last().map(Exchange::responseBody))
                    .flatMap(body -> evaluate(body, variable.getExpression()).stream().findFirst()).map(ScriptContext::text);
        }
        return found.or(() -> Optional.ofNullable(variable.getDefaultValue()))
                .orElseThrow(() -> new ScriptException("variable ${" + name + "} has no value yet"));
    }

    IBaseResource parse(String json) {
        return fhir.newJsonParser().parseResource(json);
    }

    /** A FHIRPath expression on a JSON resource. */
    List<IBase> evaluate(String json, String expression) {
        return fhir.newFhirPath().evaluate(parse(json), expression, IBase.class);
    }

    /** A FHIRPath result as text: a primitive's value, else its FHIR type. */
    static String text(IBase value) {
        return value instanceof IPrimitiveType<?> primitive ? primitive.getValueAsString() : value.fhirType();
    }

    FhirContext fhir() {
        return fhir;
    }

    /** A script that cannot be carried out as written (its own error, not the server's). */
    static final class ScriptException extends RuntimeException {
        ScriptException(String message) {
            super(message);
        }
    }
}
