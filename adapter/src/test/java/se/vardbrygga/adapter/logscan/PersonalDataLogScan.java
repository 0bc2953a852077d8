package se.vardbrygga.adapter.logscan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.vardbrygga.adapter.validation.SwedishIdentifierChecks;

/**
 * Scans the log of the whole test run for personnummer and samordningsnummer (a date-shaped number with a valid check
 * digit: YYYYMMDDNNNC, YYMMDD-NNNC, day + 60 for samordningsnummer). Run by the build after the integration tests
 * ({@code mvn verify}); a finding fails the build, naming file and line, never the number.
 */
public final class PersonalDataLogScan {
    private static final Pattern NUMBER = Pattern.compile(
            "(?<![0-9A-Za-z])(?:(?:19|20)([0-9]{2})|([0-9]{2}))(0[1-9]|1[0-2])([0-9]{2})([-+]?)([0-9]{4})(?![0-9])");

    private PersonalDataLogScan() {
    }

    public static void main(String[] args) throws IOException {
        List<String> findings = new ArrayList<>();
        int lines = 0;
        for (String arg : args) {
            Path file = Path.of(arg);
            if (!Files.exists(file)) {
                throw new IllegalStateException("No test-run log at " + file + ": nothing was scanned");
            }
            List<String> content = Files.readAllLines(file, StandardCharsets.UTF_8);
            lines += content.size();
            for (int i = 0; i < content.size(); i++) {
                if (containsPersonalNumber(content.get(i))) {
                    findings.add(file + ":" + (i + 1));
                }
            }
        }
        if (!findings.isEmpty()) {
            throw new IllegalStateException(findings.size() + " log line(s) with a personnummer or samordningsnummer: " + findings);
        }
        System.out.println("[personal-data-log-scan] " + lines + " log lines scanned: no personnummer or samordningsnummer");
    }

    static boolean containsPersonalNumber(String line) {
        Matcher m = NUMBER.matcher(line);
        while (m.find()) {
            boolean tenDigitForm = m.group(2) != null;
            if (tenDigitForm && m.group(5).isEmpty()) {
                continue; // ten digits without a separator: too many other numbers look like that
            }
            int day = Integer.parseInt(m.group(4));
            boolean dateLike = (day >= 1 && day <= 31) || (day >= 61 && day <= 91);
            String yy = tenDigitForm ? m.group(2) : m.group(1);
            String nine = yy + m.group(3) + m.group(4) + m.group(6).substring(0, 3);
            if (dateLike && SwedishIdentifierChecks.luhnCheckDigit(nine) == m.group(6).charAt(3) - '0') {
                return true;
            }
        }
        return false;
    }
}
