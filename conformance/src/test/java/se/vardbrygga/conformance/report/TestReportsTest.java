package se.vardbrygga.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.TestReport;
import org.hl7.fhir.r4.model.TestReport.TestActionComponent;
import org.hl7.fhir.r4.model.TestReport.TestReportActionResult;
import org.hl7.fhir.r4.model.TestReport.TestReportParticipantType;
import org.hl7.fhir.r4.model.TestReport.TestReportResult;
import org.hl7.fhir.r4.model.TestReport.TestReportStatus;
import org.hl7.fhir.r4.model.TestReport.TestReportTestComponent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.vardbrygga.conformance.suite.ActionResult;
import se.vardbrygga.conformance.suite.Outcome;
import se.vardbrygga.conformance.suite.ScriptResult;
import se.vardbrygga.conformance.suite.TestResult;

class TestReportsTest {

    private final TestReport report = TestReports.of(Fixtures.script(), Fixtures.BASE);

    @Test
    void When_ScriptHasFailingTest_Expect_CompletedFailWithScoreOfPassedTests() {
        assertThat(report.getStatus()).isEqualTo(TestReportStatus.COMPLETED);
        assertThat(report.getResult()).isEqualTo(TestReportResult.FAIL);
        assertThat(report.getScore()).isEqualByComparingTo(new BigDecimal("40")); // pass + warning of 5
        assertThat(report.getTestScript().getReference()).isEqualTo("http://vardbrygga.example/fhir/TestScript/patient-crud");
        assertThat(report.getTester()).isEqualTo("Vårdbrygga conformance suite");
        assertThat(report.getIssued()).isEqualTo(Date.from(Fixtures.STARTED));
        assertThat(report.getParticipantFirstRep().getType()).isEqualTo(TestReportParticipantType.SERVER);
        assertThat(report.getParticipantFirstRep().getUri()).isEqualTo(Fixtures.BASE);
    }

    @Test
    void When_Actions_Expect_OperationOrAssertWithResultCode() {
        assertThat(report.getSetup().getActionFirstRep().getOperation().getResult()).isEqualTo(TestReportActionResult.PASS);
        assertThat(report.getTeardown().getActionFirstRep().getOperation().getResult())
                .isEqualTo(TestReportActionResult.PASS);
        assertThat(report.getTest()).extracting(TestReportTestComponent::getName)
                .containsExactly("read", "read-meta", "delete", "search-by-token", "history");
        assertThat(report.getTest()).flatExtracting(TestReportTestComponent::getAction)
                .extracting(a -> a.hasOperation() ? "op:" + a.getOperation().getResult().toCode()
                        : "assert:" + a.getAssert().getResult().toCode())
                .containsExactly("op:pass", "assert:pass", "assert:warning", "assert:fail", "assert:skip", "op:error");
        assertThat(report.getTest().get(2).getDescription()).isEqualTo("Deleting makes the patient gone");
    }

    @Test
    void When_ActionMessageHasPersonnummer_Expect_MessageMasked() {
        TestActionComponent failed = report.getTest().get(2).getActionFirstRep();

        assertThat(failed.getAssert().getMessage()).isEqualTo("status 410: expected 410 after delete of 1944XXXXXXXX but was 200");
    }

    @Test
    void When_TestSkipped_Expect_OneSkipAssertWithReason() {
        TestActionComponent skipped = report.getTest().get(3).getActionFirstRep();

        assertThat(report.getTest().get(3).getAction()).hasSize(1);
        assertThat(skipped.getAssert().getResult()).isEqualTo(TestReportActionResult.SKIP);
        assertThat(skipped.getAssert().getMessage()).contains("does not claim search parameter identifier");
    }

    @Test
    void When_TestHasRules_Expect_OneRuleExtensionEach() {
        List<Extension> rules = report.getTest().get(2).getExtensionsByUrl(TestReports.RULE_EXTENSION);

        assertThat(rules).extracting(e -> ((Coding) e.getValue()).getSystem())
                .containsOnly("http://vardbrygga.example/fhir/CodeSystem/rule");
        assertThat(rules).extracting(e -> ((Coding) e.getValue()).getCode()).containsExactly("R-DEL-1", "R-DEL-2");
        assertThat(report.getTest().get(1).getExtension()).isEmpty();
    }

    @Test
    void When_NothingRan_Expect_PendingWithoutScore() {
        ScriptResult allSkipped = new ScriptResult("skipped", "http://x.example/TestScript/skipped", "Skipped", List.of(),
                List.of(new TestResult("t", "d", List.of(), Outcome.SKIP, "not claimed", List.of(), 0)), List.of(),
                Fixtures.STARTED, 0);

        TestReport pending = TestReports.of(allSkipped, Fixtures.BASE);

        assertThat(pending.getResult()).isEqualTo(TestReportResult.PENDING);
        assertThat(pending.hasScore()).isFalse();
        assertThat(pending.hasSetup()).isFalse();
    }

    @Test
    void When_AllPassOrWarn_Expect_PassWithFullScore() {
        ScriptResult passing = new ScriptResult("ok", "http://x.example/TestScript/ok", "Ok", List.of(),
                List.of(new TestResult("a", "d", List.of(), Outcome.PASS, null,
                                List.of(ActionResult.assertion("a", Outcome.PASS, "ok")), 1),
                        new TestResult("b", "d", List.of(), Outcome.WARNING, null,
                                List.of(ActionResult.assertion("b", Outcome.WARNING, "hm")), 1),
                        new TestResult("c", "d", List.of(), Outcome.PASS, null,
                                List.of(ActionResult.assertion("c", Outcome.PASS, "ok")), 1)),
                List.of(), Fixtures.STARTED, 3);

        TestReport passed = TestReports.of(passing, Fixtures.BASE);

        assertThat(passed.getResult()).isEqualTo(TestReportResult.PASS);
        assertThat(passed.getScore()).isEqualByComparingTo(new BigDecimal("100"));
    }

    @Test
    void When_Written_Expect_PrettyJsonPerScriptWithoutSecrets(@TempDir Path dir) throws Exception {
        List<Path> files = TestReports.write(Fixtures.suite(), dir);

        assertThat(files).containsExactly(dir.resolve("testreports/patient-crud.json"));
        String json = Files.readString(files.get(0));
        assertThat(json).contains("\n  \"resourceType\": \"TestReport\"").doesNotContain(Fixtures.PNR, Fixtures.JWT);
        TestReport parsed = FhirContext.forR4Cached().newJsonParser().parseResource(TestReport.class, json);
        assertThat(parsed.getResult()).isEqualTo(TestReportResult.FAIL);
        assertThat(parsed.getTest()).hasSize(5);
    }
}
