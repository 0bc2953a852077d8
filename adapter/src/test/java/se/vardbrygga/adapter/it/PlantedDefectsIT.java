package se.vardbrygga.adapter.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.vardbrygga.adapter.cli.Demo;
import se.vardbrygga.adapter.config.AdapterConfig;
import se.vardbrygga.adapter.config.ConfigLoader;
import se.vardbrygga.adapter.server.AdapterServer;
import se.vardbrygga.conformance.RunCommand;

/**
 * The conformance suite catches every planted defect: the adapter in the demo configuration behind a
 * {@link DefectProxy} that breaks one thing; the suite's run fails, and the tests that fail are the ones about it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlantedDefectsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Path dir;
    private AdapterServer demo;

    @BeforeAll
    void start() throws Exception {
        dir = Files.createTempDirectory("vb-defects-");
        demo = Demo.start(new ConfigLoader(java.util.Map.of()).load(null).withPort(0), dir.resolve("data"), 0);
    }

    @AfterAll
    void stop() throws Exception {
        demo.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "ACCEPTS_INVALID_RESOURCE, profiles, invalid-vb-del-max-year",
            "IGNORES_TASK_STATUS_PARAMETER, search-parameters, task-status",
            "IGNORES_TASK_STATUS_PARAMETER, declared-search-parameters, Task-status",
            "ALLOWS_ILLEGAL_TRANSITION, task-state-machine, illegal-transition"})
    void When_TheServerHasAPlantedDefect_Expect_TheSuiteFailsOnIt(DefectProxy.Defect defect, String script, String test) throws Exception {
        Path reports = dir.resolve(defect.name());
        try (DefectProxy proxy = DefectProxy.start(demo.baseUrl().replace("/fhir", ""), defect)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            int exit = new RunCommand(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8))
                    .run(new String[] {"--base-url", proxy.baseUrl(), "--client-id", "healthcentre-ersboda", "--client-secret", "demo",
                            "--origin", "2=homecare-umea:demo", "--out", reports.toString()});

            assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isEqualTo(1);
            assertThat(failedTests(reports, script)).as(out.toString(StandardCharsets.UTF_8)).contains(test);
            for (String other : List.of("capability-statement", "error-form")) {
                assertThat(failedTests(reports, other)).as("only what the defect breaks fails: " + other).isEmpty();
            }
        }
    }

    /** The names of a script's tests that failed, from its TestReport. */
    private static List<String> failedTests(Path reports, String script) throws Exception {
        JsonNode report = JSON.readTree(reports.resolve("testreports").resolve(script + ".json").toFile());
        List<String> failed = new ArrayList<>();
        for (JsonNode test : report.path("test")) {
            for (JsonNode action : test.path("action")) {
                String result = action.has("assert") ? action.path("assert").path("result").asText() : action.path("operation").path("result").asText();
                if (result.equals("fail") || result.equals("error")) {
                    failed.add(test.path("name").asText());
                    break;
                }
            }
        }
        return failed;
    }
}
