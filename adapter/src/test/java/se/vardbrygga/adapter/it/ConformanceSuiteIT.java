package se.vardbrygga.adapter.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.vardbrygga.adapter.cli.Demo;
import se.vardbrygga.adapter.config.AdapterConfig;
import se.vardbrygga.adapter.config.ConfigLoader;
import se.vardbrygga.adapter.server.AdapterServer;
import se.vardbrygga.conformance.RunCommand;

/**
 * The conformance suite (its command line, as a tester runs it) against the adapter in the demo configuration:
 * seeded directory, simulators, tokens from the server's own endpoint, and the Lifecare SP simulator's mode switch
 * for the outage routine's script. Every script passes; the reports are written and name no personnummer and no
 * token.
 */
class ConformanceSuiteIT {

    @Test
    void When_TheSuiteRunsAgainstTheDemo_Expect_EveryTestPassesAndTheReportsWritten(@TempDir Path dir) throws Exception {
        AdapterConfig loaded = new ConfigLoader(java.util.Map.of()).load(null).withPort(0);
        // the outage routine takes over after 3 s instead of the demo's minute, so that its script does not wait long
        AdapterConfig config = loaded.withOutage(loaded.outage().withAfterMillis(3_000));
        try (AdapterServer demo = Demo.start(config, dir.resolve("data"), 0)) {
            String lifecare = demo.simulators().orElseThrow().get("lifecare-sp").fhirBase().replace("/fhir", "/_sim/mode?set=");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Path reports = dir.resolve("reports");

            int exit = new RunCommand(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                    .run(new String[] {"--base-url", demo.baseUrl(), "--client-id", "healthcentre-ersboda", "--client-secret", "demo",
                            "--origin", "2=homecare-umea:demo", "--origin", "3=auditor:demo", "--origin", "4=ward-karlstad:demo",
                            "--out", reports.toString(),
                            "--var", "systemDownUrl=" + lifecare + "down", "--var", "systemUpUrl=" + lifecare + "up"});

            String printed = out.toString(StandardCharsets.UTF_8);
            assertThat(exit).as(printed + err.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(printed).contains(" 0 failed, 0 errors").contains("pass  task-state-machine").contains("pass  search-parameters")
                    .contains("pass  domain-rules").contains("pass  inpatient-stay").contains("pass  routing").contains("pass  outage-routine");
            String junit = Files.readString(reports.resolve("junit.xml"));
            assertThat(junit).contains("failures=\"0\"").contains("errors=\"0\"");
            String html = Files.readString(reports.resolve("report.html"));
            assertThat(html).contains("profiles");
            for (String secret : java.util.List.of("194403279823", "198704659849", "eyJ")) {
                int at = html.indexOf(secret);
                assertThat(at).as("masked in the report: " + (at < 0 ? "" : html.substring(Math.max(0, at - 200), Math.min(html.length(), at + 100))))
                        .isNegative();
            }
            assertThat(reports.resolve("testreports").resolve("profiles.json")).exists();
        }
    }
}
