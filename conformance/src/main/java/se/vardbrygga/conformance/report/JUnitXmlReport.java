package se.vardbrygga.conformance.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import se.vardbrygga.conformance.suite.ActionResult;
import se.vardbrygga.conformance.suite.Outcome;
import se.vardbrygga.conformance.suite.ScriptResult;
import se.vardbrygga.conformance.suite.SuiteResult;
import se.vardbrygga.conformance.suite.TestResult;

/**
 * Writes the run as {@code junit.xml}, the format every CI server shows as test results, so that a conformance run
 * fails a pipeline and lists its failures like any unit test would.
 *
 * <p>One {@code <testsuite>} per script, one {@code <testcase>} per test: FAIL becomes {@code <failure>}, ERROR
 * {@code <error>} (each with the failing actions' messages), SKIP {@code <skipped>} with the skip reason, and WARNING
 * passes with a {@code <system-out>} naming the warnings. A setup that failed or erred, which fails its script while
 * the tests are merely skipped, is a testcase {@code (setup)} of its own so that CI sees the failure too. What the
 * CapabilityStatement did not claim is a skipped testcase each in the suite {@value #OMITTED_SUITE}. All text is
 * masked; the DOM serializer does the escaping, and characters XML 1.0 cannot hold become U+FFFD.
 */
public final class JUnitXmlReport {

    public static final String OMITTED_SUITE = "omitted-by-capability-statement";

    private JUnitXmlReport() {
    }

    /** Writes {@code dir/junit.xml} and returns it. */
    public static Path write(SuiteResult suite, Path dir) throws IOException {
        Path file = Files.createDirectories(dir).resolve("junit.xml");
        try (OutputStream out = Files.newOutputStream(file)) {
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            transformer.transform(new DOMSource(document(suite)), new StreamResult(out));
        } catch (TransformerException e) {
            throw new IOException("cannot write " + file, e);
        }
        return file;
    }

    /** The report as a DOM document. */
    static Document document(SuiteResult suite) {
        Document doc;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            doc = factory.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        Element root = doc.createElement("testsuites");
        root.setAttribute("name", TestReports.TESTER);
        doc.appendChild(root);
        suite.scripts().forEach(script -> root.appendChild(testsuite(doc, script)));
        if (!suite.omitted().isEmpty()) {
            root.appendChild(omitted(doc, suite.omitted()));
        }
        attribute(count(root), "time", seconds(suite.scripts().stream().mapToLong(ScriptResult::millis).sum()));
        return doc;
    }

    private static Element testsuite(Document doc, ScriptResult script) {
        Element testsuite = element(doc, "testsuite", "name", script.id());
        if (script.started() != null) {
            attribute(testsuite, "timestamp", script.started().toString());
        }
        attribute(testsuite, "time", seconds(script.millis()));
        Outcome setup = script.setup().stream().map(ActionResult::outcome).reduce(Outcome.PASS, Outcome::worse);
        if (setup == Outcome.FAIL || setup == Outcome.ERROR) {
            Element testcase = testcase(doc, script.id(), "(setup)", 0);
            testcase.appendChild(problem(doc, setup, script.setup(), List.of()));
            testsuite.appendChild(testcase);
        }
        for (TestResult test : script.tests()) {
            Element testcase = testcase(doc, script.id(), test.name(), test.millis());
            switch (test.outcome()) {
                case FAIL, ERROR -> testcase.appendChild(problem(doc, test.outcome(), test.actions(), test.rules()));
                case SKIP -> testcase.appendChild(element(doc, "skipped", "message", test.skipReason()));
                case WARNING -> testcase.appendChild(text(doc, "system-out",
                        "WARNING\n" + lines(test.actions(), a -> a.outcome() == Outcome.WARNING)));
                case PASS -> { }
            }
            testsuite.appendChild(testcase);
        }
        List<ActionResult> teardown = script.teardown().stream().filter(a -> a.outcome() != Outcome.PASS).toList();
        if (!teardown.isEmpty()) {
            testsuite.appendChild(text(doc, "system-out", "Teardown:\n" + lines(teardown, a -> true)));
        }
        return count(testsuite);
    }

    private static Element omitted(Document doc, List<String> omitted) {
        Element testsuite = element(doc, "testsuite", "name", OMITTED_SUITE);
        attribute(testsuite, "time", seconds(0));
        omitted.forEach(item -> {
            Element testcase = testcase(doc, OMITTED_SUITE, item, 0);
            testcase.appendChild(element(doc, "skipped", "message", "not claimed by the CapabilityStatement: " + item));
            testsuite.appendChild(testcase);
        });
        return count(testsuite);
    }

    /** A {@code <failure>} or {@code <error>} with the messages of the actions that caused it. */
    private static Element problem(Document doc, Outcome outcome, List<ActionResult> actions, List<String> rules) {
        Predicate<ActionResult> culprit = actions.stream().anyMatch(a -> a.outcome() == outcome)
                ? a -> a.outcome() == outcome
                : a -> a.outcome() != Outcome.PASS && a.outcome() != Outcome.WARNING;
        String message = actions.stream().filter(culprit).map(TestReports::message)
                .filter(m -> m != null).collect(Collectors.joining("; "));
        Element problem = text(doc, outcome == Outcome.ERROR ? "error" : "failure",
                lines(actions, culprit) + (rules.isEmpty() ? "" : "Rules: " + String.join(", ", rules) + "\n"));
        attribute(problem, "message", message.isEmpty() ? outcome.code() : message);
        attribute(problem, "type", outcome.code());
        return problem;
    }

    private static String lines(List<ActionResult> actions, Predicate<ActionResult> which) {
        return actions.stream().filter(which)
                .map(a -> "[" + a.outcome().code() + "] " + a.kind().name().toLowerCase(Locale.ROOT) + " "
                        + (a.label() == null ? "" : a.label()) + ": " + (a.message() == null ? "" : a.message())
                        + a.exchange().map(x -> " (" + x.method() + " " + x.url() + " -> " + x.status() + ")").orElse("")
                        + "\n")
                .collect(Collectors.joining());
    }

    private static Element testcase(Document doc, String classname, String name, long millis) {
        Element testcase = element(doc, "testcase", "classname", classname);
        attribute(testcase, "name", name);
        attribute(testcase, "time", seconds(millis));
        return testcase;
    }

    /** Sets tests, failures, errors and skipped from the testcases below. */
    private static Element count(Element suite) {
        int tests = suite.getElementsByTagName("testcase").getLength();
        attribute(suite, "tests", Integer.toString(tests));
        attribute(suite, "failures", Integer.toString(suite.getElementsByTagName("failure").getLength()));
        attribute(suite, "errors", Integer.toString(suite.getElementsByTagName("error").getLength()));
        attribute(suite, "skipped", Integer.toString(suite.getElementsByTagName("skipped").getLength()));
        return suite;
    }

    private static Element element(Document doc, String name, String attribute, String value) {
        Element element = doc.createElement(name);
        attribute(element, attribute, value);
        return element;
    }

    private static Element text(Document doc, String name, String text) {
        Element element = doc.createElement(name);
        element.setTextContent(xml(Masking.text(text)));
        return element;
    }

    private static void attribute(Element element, String name, String value) {
        element.setAttribute(name, xml(Masking.text(value)));
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    /** Replaces what XML 1.0 cannot contain (control characters, lone surrogates) by U+FFFD. */
    private static String xml(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(
                c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                        || c >= 0x10000 ? c : 0xFFFD));
        return out.toString();
    }
}
