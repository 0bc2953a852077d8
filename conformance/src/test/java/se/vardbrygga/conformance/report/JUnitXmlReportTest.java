package se.vardbrygga.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import se.vardbrygga.conformance.suite.ActionResult;
import se.vardbrygga.conformance.suite.Outcome;
import se.vardbrygga.conformance.suite.ScriptResult;
import se.vardbrygga.conformance.suite.SuiteResult;
import se.vardbrygga.conformance.suite.TestResult;

class JUnitXmlReportTest {

    @TempDir
    Path dir;

    @Test
    void When_Written_Expect_OneSuitePerScriptWithCounts() throws Exception {
        Document xml = parse(Fixtures.suite());
        Element root = xml.getDocumentElement();
        Element suite = suite(xml, "patient-crud");

        assertThat(root.getTagName()).isEqualTo("testsuites");
        assertThat(root.getAttribute("tests")).isEqualTo("6");
        assertThat(suite.getAttribute("tests")).isEqualTo("5");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("errors")).isEqualTo("1");
        assertThat(suite.getAttribute("skipped")).isEqualTo("1");
        assertThat(suite.getAttribute("time")).isEqualTo("1.234");
    }

    @Test
    void When_Written_Expect_TestcasePerTestWithOutcomeElement() throws Exception {
        Document xml = parse(Fixtures.suite());
        Element suite = suite(xml, "patient-crud");

        assertThat(testcase(suite, "read").getChildNodes().getLength()).isZero();
        assertThat(testcase(suite, "read").getAttribute("classname")).isEqualTo("patient-crud");
        assertThat(testcase(suite, "read").getAttribute("time")).isEqualTo("0.020");
        assertThat(child(testcase(suite, "read-meta"), "system-out").getTextContent()).contains("WARNING", "meta.profile is missing");
        Element failure = child(testcase(suite, "delete"), "failure");
        assertThat(failure.getAttribute("message")).isEqualTo("status 410: expected 410 after delete of 1944XXXXXXXX but was 200");
        assertThat(failure.getTextContent()).contains("R-DEL-1, R-DEL-2");
        assertThat(child(testcase(suite, "search-by-token"), "skipped").getAttribute("message"))
                .isEqualTo("the server does not claim search parameter identifier");
        assertThat(child(testcase(suite, "history"), "error").getAttribute("message")).contains("the answer is not FHIR");
    }

    @Test
    void When_Omitted_Expect_SkippedTestcaseInOmittedSuite() throws Exception {
        Element omitted = suite(parse(Fixtures.suite()), JUnitXmlReport.OMITTED_SUITE);

        assertThat(omitted.getAttribute("tests")).isEqualTo("1");
        assertThat(omitted.getAttribute("skipped")).isEqualTo("1");
        assertThat(testcase(omitted, Fixtures.OMITTED).getElementsByTagName("skipped").getLength()).isEqualTo(1);
    }

    @Test
    void When_SetupFails_Expect_SetupTestcaseWithFailure() throws Exception {
        ScriptResult script = new ScriptResult("s", "u", "t",
                List.of(ActionResult.operation("create", Outcome.FAIL, "got 500 <boom> & \u0001", null)),
                List.of(new TestResult("t", "d", List.of(), Outcome.SKIP, "setup failed", List.of(), 0)),
                List.of(), Fixtures.STARTED, 5);

        Element suite = suite(parse(new SuiteResult(Fixtures.BASE, Fixtures.STARTED, List.of(script), List.of())), "s");

        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(child(testcase(suite, "(setup)"), "failure").getAttribute("message"))
                .isEqualTo("create: got 500 <boom> & \uFFFD");
    }

    @Test
    void When_Written_Expect_NoTokenNorPersonnummer() throws Exception {
        String xml = Files.readString(JUnitXmlReport.write(Fixtures.suite(), dir));

        assertThat(xml).doesNotContain(Fixtures.JWT, Fixtures.PNR);
    }

    private Document parse(SuiteResult result) throws Exception {
        Path file = JUnitXmlReport.write(result, dir);
        assertThat(file).isEqualTo(dir.resolve("junit.xml"));
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    private static Element suite(Document xml, String name) {
        return named(xml.getElementsByTagName("testsuite"), "name", name);
    }

    private static Element testcase(Element suite, String name) {
        return named(suite.getElementsByTagName("testcase"), "name", name);
    }

    private static Element child(Element parent, String tag) {
        NodeList children = parent.getElementsByTagName(tag);
        assertThat(children.getLength()).as(tag).isEqualTo(1);
        return (Element) children.item(0);
    }

    private static Element named(NodeList nodes, String attribute, String value) {
        for (int i = 0; i < nodes.getLength(); i++) {
            if (((Element) nodes.item(i)).getAttribute(attribute).equals(value)) {
                return (Element) nodes.item(i);
            }
        }
        throw new AssertionError("no element with " + attribute + "=" + value);
    }
}
