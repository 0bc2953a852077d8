package se.vardbrygga.conformance.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class LoadRunnerTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final LoadRunner runner = new LoadRunner(
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    @Test
    void When_ServerAnswersCreatedAndOk_Expect_CountsAndZeroErrorsAndExitCode0(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("summary.json");
        try (FakeFhirServer server = FakeFhirServer.start(FakeFhirServer.Mode.HEALTHY)) {
            LoadOutcome outcome = runner.execute("--base-url", server.baseUrl() + "/", "--threads", "2", "--scenario", "create-read",
                    "--warmup", "1", "--duration", "1", "--token", "s3cret", "--json", json.toString());

            assertThat(outcome.exitCode()).isEqualTo(LoadRunner.EXIT_OK);
            LoadResult result = outcome.result().orElseThrow();
            assertThat(result.totalErrors()).isZero();
            assertThat(result.warmupRequests()).isPositive();
            assertThat(result.operations()).extracting(OperationSummary::name).containsExactly("create", "read");
            Map<String, OperationSummary> ops = byName(result);
            assertThat(ops.get("create").count()).isPositive();
            assertThat(ops.get("read").count()).isPositive();
            assertThat(ops.get("create").errors()).isZero();
            assertThat(ops.get("read").errors()).isZero();
            assertThat(ops.get("read").throughput()).isPositive();
            assertThat(ops.get("create").p50Millis()).isLessThanOrEqualTo(ops.get("create").p99Millis());
            assertThat(ops.get("create").p99Millis()).isLessThanOrEqualTo(ops.get("create").maxMillis());

            assertThat(server.authorization.get("write")).isEqualTo("Bearer s3cret");
            assertThat(server.authorization.get("read")).isEqualTo("Bearer s3cret");
            assertThat(server.lastContentType.get()).isEqualTo("application/fhir+json");
            assertThat(server.lastCreateBody.get())
                    .contains("\"resourceType\":\"Task\"", "\"status\":\"requested\"", "\"intent\":\"order\"",
                            "http://vardbrygga.example/fhir/sid/load-test", "\"authoredOn\"");
            // the Task refers to the fixture the run made first: the units found by HSA-id, the patient created
            assertThat(server.lastCreateBody.get()).contains("\"Patient/p\"", "\"requester\":{\"reference\":\"Organization/w\"}",
                    "\"owner\":{\"reference\":\"Organization/h\"}");
        }
        String table = out.toString(StandardCharsets.UTF_8);
        assertThat(table).contains("operation", "create", "read", "p99 ms", "total errors: 0");
        String summary = Files.readString(json);
        assertThat(summary).contains("\"name\": \"create\"", "\"name\": \"read\"", "\"totalErrors\": 0",
                "\"p90\":").doesNotContain("s3cret");
    }

    @Test
    void When_ServerAnswers500_Expect_ErrorsCountedAndExitCode1() throws Exception {
        try (FakeFhirServer server = FakeFhirServer.start(FakeFhirServer.Mode.FAIL_500)) {
            LoadOutcome outcome = runner.execute("--base-url", server.baseUrl(), "--threads", "2", "--scenario", "create-read",
                    "--warmup", "0", "--duration", "1");

            assertThat(outcome.exitCode()).isEqualTo(LoadRunner.EXIT_ERRORS);
            Map<String, OperationSummary> ops = byName(outcome.result().orElseThrow());
            assertThat(ops.get("create").errors()).isPositive();
            assertThat(ops.get("create").count()).isZero();
            assertThat(ops.get("create").errorReasons()).containsOnlyKeys("HTTP 500 (expected 201)");
            assertThat(ops).doesNotContainKey("read");
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("create error: HTTP 500 (expected 201)");
    }

    @Test
    void When_CreatedWithoutLocation_Expect_CreateErrorsAndNoReads() throws Exception {
        try (FakeFhirServer server = FakeFhirServer.start(FakeFhirServer.Mode.NO_LOCATION)) {
            LoadOutcome outcome = runner.execute("--base-url", server.baseUrl(), "--threads", "1", "--scenario", "create-read",
                    "--warmup", "0", "--duration", "1");

            assertThat(outcome.exitCode()).isEqualTo(LoadRunner.EXIT_ERRORS);
            Map<String, OperationSummary> ops = byName(outcome.result().orElseThrow());
            assertThat(ops.get("create").errorReasons()).containsOnlyKeys("HTTP 201 without a Task Location header");
            assertThat(server.reads.get()).isZero();
        }
    }

    @Test
    void When_HandoverRunWithAReceiver_Expect_SenderWritesReceiverSearchesAndReads() throws Exception {
        try (FakeFhirServer server = FakeFhirServer.start(FakeFhirServer.Mode.HEALTHY)) {
            LoadOutcome outcome = runner.execute("--base-url", server.baseUrl(), "--threads", "2", "--warmup", "0", "--duration", "1",
                    "--token", "sender-token", "--origin", "2=receiver-token");

            assertThat(outcome.exitCode()).isEqualTo(LoadRunner.EXIT_OK);
            LoadResult result = outcome.result().orElseThrow();
            assertThat(result.config().scenario()).isEqualTo("handover");
            assertThat(result.operations()).extracting(OperationSummary::name).containsExactly("handover", "search", "read");
            assertThat(result.operations()).allSatisfy(op -> assertThat(op.count()).isPositive());
            assertThat(server.authorization).containsEntry("fixture", "Bearer sender-token").containsEntry("write", "Bearer sender-token")
                    .containsEntry("search", "Bearer receiver-token").containsEntry("read", "Bearer receiver-token");
            // the fixture: the physician at the sender's unit, the patient, the consent covering both units (R-CON-1)
            assertThat(server.lastFixtureBody.get()).contains("\"PractitionerRole\"", LoadSubjects.DEMO.physicianHsaId(),
                    LoadSubjects.DEMO.personnummer(), "\"Consent\"", "\"reference\":\"Organization/h\"", "\"reference\":\"Organization/w\"");
            // the handover: the order by the physician, the owner's Task, the SBAR Communication about it
            assertThat(server.lastCreateBody.get()).contains("\"ServiceRequest\"", "\"requester\":{\"reference\":\"PractitionerRole/r\"}",
                    "\"code\":\"home-visit\"", "\"code\":\"sbar-handover\"", "\"owner\":{\"reference\":\"Organization/h\"}",
                    "\"subject\":{\"reference\":\"Patient/p\"}");
            assertThat(server.reads.get()).isPositive().isLessThanOrEqualTo(server.handovers.get());
        }
    }

    @Test
    void When_TheReceivingUnitIsNotInTheDirectory_Expect_FixtureErrorNamingItAndNoLoad() throws Exception {
        try (FakeFhirServer server = FakeFhirServer.start(FakeFhirServer.Mode.HEALTHY)) {
            LoadOutcome outcome = runner.execute("--base-url", server.baseUrl(), "--threads", "1", "--warmup", "0", "--duration", "1",
                    "--var", "ownerHsaId=SE2120000000-NONE");

            assertThat(outcome.exitCode()).isEqualTo(LoadRunner.EXIT_ERRORS);
            assertThat(byName(outcome.result().orElseThrow()).get("fixture").errorReasons())
                    .containsOnlyKeys("no Organization with HSA-id SE2120000000-NONE (give --var)");
            assertThat(server.handovers.get()).isZero();
        }
    }

    @Test
    void When_ARateIsGiven_Expect_TheWorkersKeepToIt() throws Exception {
        try (FakeFhirServer server = FakeFhirServer.start(FakeFhirServer.Mode.HEALTHY)) {
            LoadOutcome outcome = runner.execute("--base-url", server.baseUrl(), "--threads", "4", "--scenario", "create",
                    "--warmup", "0", "--duration", "2", "--rate", "10");

            assertThat(outcome.exitCode()).isEqualTo(LoadRunner.EXIT_OK);
            // as fast as they go, four threads against a loopback fake make thousands; at 10/s, about 20
            assertThat(server.creates.get()).isBetween(10, 25);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("steady 10 iterations/s");
        }
    }

    @Test
    void When_NothingListens_Expect_ConnectionErrorsAndExitCode1() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        LoadOutcome outcome = runner.execute("--base-url", "http://127.0.0.1:" + port + "/fhir", "--threads", "1",
                "--warmup", "0", "--duration", "1");

        assertThat(outcome.exitCode()).isEqualTo(LoadRunner.EXIT_ERRORS);
        assertThat(outcome.result().orElseThrow().totalErrors()).isPositive();
    }

    @Test
    void When_ArgumentsAreBad_Expect_UsageAndExitCode2() {
        int exitCode = runner.run("--threads", "four", "--base-url", "http://localhost:8080/fhir");

        assertThat(exitCode).isEqualTo(LoadRunner.EXIT_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--threads must be an integer", "Usage:");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void When_NoArguments_Expect_ExitCode2() {
        assertThat(runner.run()).isEqualTo(LoadRunner.EXIT_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--base-url is required");
    }

    @Test
    void When_HelpRequested_Expect_UsageAndExitCode0() {
        assertThat(runner.run("--help")).isEqualTo(LoadRunner.EXIT_OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage:", "--base-url", "create-read", "handover", "--origin 2=");
    }

    private static Map<String, OperationSummary> byName(LoadResult result) {
        return result.operations().stream().collect(Collectors.toMap(OperationSummary::name, Function.identity()));
    }
}
