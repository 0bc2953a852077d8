package se.vardbrygga.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

    private final String html = HtmlReport.render(Fixtures.suite());

    @Test
    void When_Rendered_Expect_HeaderWithServerStartAndCountsPerOutcome() {
        assertThat(html).startsWith("<!DOCTYPE html>")
                .contains(Fixtures.BASE, "2026-11-25T09:00:00Z")
                .contains("<span class=\"badge pass\">pass 1</span>", "<span class=\"badge warning\">warning 1</span>",
                        "<span class=\"badge skip\">skip 1</span>", "<span class=\"badge fail\">fail 1</span>",
                        "<span class=\"badge error\">error 1</span>");
    }

    @Test
    void When_Rendered_Expect_OmittedSectionAndEveryTestWithRulesAndSkipReason() {
        assertThat(html).contains("not claimed by the CapabilityStatement", Fixtures.OMITTED)
                .contains("read", "read-meta", "delete", "search-by-token", "history")
                .contains("<span class=\"rule\">R-DEL-1</span>", "<span class=\"rule\">R-DEL-2</span>")
                .contains("Skipped: the server does not claim search parameter identifier")
                .contains("meta.profile is missing");
    }

    @Test
    void When_Operation_Expect_FullTranscriptWithPrettyJson() {
        assertThat(html).contains("POST " + Fixtures.BASE + "/Patient\n", "Content-Type: application/fhir+json\n",
                        "HTTP 201\n", "Location: " + Fixtures.BASE + "/Patient/42/_history/1\n", "HTTP 502\n")
                .contains("{\n  &quot;resourceType&quot;: &quot;Patient&quot;,\n  &quot;identifier&quot;: [");
    }

    @Test
    void When_BodyHasMarkup_Expect_Escaped() {
        assertThat(html).contains("&lt;html&gt;&lt;body&gt;Bad gateway &amp; co&lt;/body&gt;&lt;/html&gt;")
                .doesNotContain("<html><body>Bad gateway");
    }

    @Test
    void When_Rendered_Expect_NoTokenNorPersonnummerButMaskedForms() {
        assertThat(html).doesNotContain(Fixtures.JWT, "eyJ", Fixtures.PNR)
                .contains("Authorization: Bearer ***", "1944XXXXXXXX", "%7C1944XXXXXXXX");
    }

    @Test
    void When_Rendered_Expect_SelfContained() {
        assertThat(html).contains("<style>").doesNotContain("<script", "<link", " src=", "@import");
    }

    @Test
    void When_Written_Expect_ReportHtmlInDir(@TempDir Path dir) throws Exception {
        Path file = HtmlReport.write(Fixtures.suite(), dir);

        assertThat(file).isEqualTo(dir.resolve("report.html"));
        assertThat(Files.readString(file)).isEqualTo(html);
    }
}
