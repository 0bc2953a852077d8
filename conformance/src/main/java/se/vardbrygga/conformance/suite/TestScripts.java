package se.vardbrygga.conformance.suite;

import ca.uhn.fhir.context.FhirContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.TestScript;

/**
 * The suite's TestScripts, packed in the jar under {@code /testscripts/} and listed, in the order they run, in
 * {@code /testscripts/index.txt} (a jar cannot be listed; a unit test keeps the index and the folder in step).
 */
public final class TestScripts {
    private TestScripts() {
    }

    public static List<String> names() {
        try (InputStream in = TestScripts.class.getResourceAsStream("/testscripts/index.txt")) {
            if (in == null) {
                throw new IllegalStateException("the suite's index /testscripts/index.txt is missing");
            }
            List<String> names = new ArrayList<>();
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().map(String::trim)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(names::add);
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TestScript load(FhirContext fhir, String name) {
        try (InputStream in = TestScripts.class.getResourceAsStream("/testscripts/" + name)) {
            if (in == null) {
                throw new IllegalStateException("TestScript " + name + " is listed but not packed");
            }
            return fhir.newJsonParser().parseResource(TestScript.class, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<TestScript> all(FhirContext fhir) {
        return names().stream().map(n -> load(fhir, n)).toList();
    }
}
