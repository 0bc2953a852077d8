package se.vardbrygga.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsTest {

    @Test
    void When_WriteAll_Expect_TestReportsJUnitXmlAndHtml(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("reports");

        assertThat(Reports.writeAll(Fixtures.suite(), out)).containsExactly(
                out.resolve("testreports/patient-crud.json"), out.resolve("junit.xml"), out.resolve("report.html"));
        assertThat(out.resolve("report.html")).isRegularFile();
    }
}
