package se.vardbrygga.conformance.report;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.vardbrygga.conformance.suite.ActionResult;
import se.vardbrygga.conformance.suite.Exchange;
import se.vardbrygga.conformance.suite.Outcome;
import se.vardbrygga.conformance.suite.ScriptResult;
import se.vardbrygga.conformance.suite.SuiteResult;
import se.vardbrygga.conformance.suite.TestResult;

/** A small hand-built run: one script with a passing, a warning, a failing, a skipped and an erring test. */
final class Fixtures {

    static final String BASE = "https://fhir.test.example/fhir";
    static final String JWT = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ0ZXN0LWNsaWVudCJ9.c2lnbmF0dXJlLXZhbHVl";
    static final String PNR = "194403279823";
    static final Instant STARTED = Instant.parse("2026-11-25T09:00:00Z");
    static final String OMITTED = "observation-search: Observation search-type is not claimed";

    private Fixtures() {
    }

    static SuiteResult suite() {
        return new SuiteResult(BASE, STARTED, List.of(script()), List.of(OMITTED));
    }

    static ScriptResult script() {
        Exchange create = new Exchange("POST", BASE + "/Patient",
                headers("Authorization", "Bearer " + JWT, "Content-Type", "application/fhir+json"),
                "{\"resourceType\":\"Patient\",\"identifier\":[{\"system\":\"urn:oid:1.2.752.129.2.1.3.1\",\"value\":\""
                        + PNR + "\"}]}",
                201, headers("Location", BASE + "/Patient/42/_history/1"), "", 35);
        Exchange read = new Exchange("GET", BASE + "/Patient?identifier=urn:oid:1.2.752.129.2.1.3.1%7C" + PNR,
                headers("Authorization", "Bearer " + JWT), null,
                200, headers("Content-Type", "application/fhir+json"), "{\"resourceType\":\"Bundle\",\"total\":1}", 12);
        Exchange history = new Exchange("GET", BASE + "/Patient/42/_history",
                headers("Authorization", "Bearer " + JWT), null,
                502, headers("Content-Type", "text/html"), "<html><body>Bad gateway & co</body></html>", 7);
        List<TestResult> tests = List.of(
                new TestResult("read", "Reads the patient by personnummer", List.of("R-READ-1"), Outcome.PASS, null,
                        List.of(ActionResult.operation("search", Outcome.PASS, "200 OK", read),
                                ActionResult.assertion("status 200", Outcome.PASS, "was 200")), 20),
                new TestResult("read-meta", "Checks meta.profile", List.of(), Outcome.WARNING, null,
                        List.of(ActionResult.assertion("profile claimed", Outcome.WARNING, "meta.profile is missing")),
                        3),
                new TestResult("delete", "Deleting makes the patient gone", List.of("R-DEL-1", "R-DEL-2"), Outcome.FAIL,
                        null, List.of(ActionResult.assertion("status 410", Outcome.FAIL,
                                "expected 410 after delete of " + PNR + " but was 200")), 15),
                new TestResult("search-by-token", "Searches by token", List.of("R-SRCH-1"), Outcome.SKIP,
                        "the server does not claim search parameter identifier", List.of(), 0),
                new TestResult("history", "Reads the history", List.of(), Outcome.ERROR, null,
                        List.of(ActionResult.operation("history", Outcome.ERROR, "the answer is not FHIR", history)), 9));
        return new ScriptResult("patient-crud", "http://vardbrygga.example/fhir/TestScript/patient-crud",
                "Patient create, read, delete",
                List.of(ActionResult.operation("create patient", Outcome.PASS, "201 Created", create)), tests,
                List.of(ActionResult.operation("clean up", Outcome.PASS, "204 No Content", null)), STARTED, 1234);
    }

    static Map<String, List<String>> headers(String... namesAndValues) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.put(namesAndValues[i], List.of(namesAndValues[i + 1]));
        }
        return headers;
    }
}
