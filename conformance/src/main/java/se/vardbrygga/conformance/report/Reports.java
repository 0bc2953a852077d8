package se.vardbrygga.conformance.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import se.vardbrygga.conformance.suite.SuiteResult;

/**
 * Writes every report of a run into one directory, so the runner has a single call to make and the set of reports
 * is decided here: {@code testreports/<script id>.json} (FHIR TestReports), {@code junit.xml} and {@code report.html}.
 */
public final class Reports {

    private Reports() {
    }

    /** Writes all reports into {@code dir} (created if missing) and returns the files written. */
    public static List<Path> writeAll(SuiteResult result, Path dir) throws IOException {
        List<Path> written = new ArrayList<>(TestReports.write(result, dir));
        written.add(JUnitXmlReport.write(result, dir));
        written.add(HtmlReport.write(result, dir));
        return written;
    }
}
