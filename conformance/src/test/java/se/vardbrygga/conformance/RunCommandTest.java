package se.vardbrygga.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Enumerations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.vardbrygga.conformance.suite.StubFhirServer;
import se.vardbrygga.conformance.suite.StubFhirServer.Response;

/**
 * The command end to end against a stub, with the real packed scripts {@code capability-statement} and
 * {@code error-form}: usage errors, exit codes, reports, credentials.
 */
class RunCommandTest {

    private static final String NOT_FOUND = """
            {"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"not-found","diagnostics":"Task/does-not-exist-0f5e is not known"}]}""";
    private static final String TIME_WITHOUT_SECONDS = """
            {"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"invalid","diagnostics":"no seconds","expression":["Bundle.entry[0].resource.authoredOn"]}]}""";
    private static final String BAD_REQUEST = """
            {"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"invalid","diagnostics":"the body is not a Task in FHIR JSON"}]}""";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private StubFhirServer stub;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        stub = StubFhirServer.start();
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private int run(String... args) {
        return new RunCommand(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static String capabilities(boolean taskCreate) {
        CapabilityStatement statement = new CapabilityStatement();
        statement.setStatus(Enumerations.PublicationStatus.ACTIVE);
        statement.setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE);
        statement.setFhirVersion(Enumerations.FHIRVersion._4_0_1);
        statement.addFormat("json");
        CapabilityStatement.CapabilityStatementRestComponent rest = statement.addRest().setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
        CapabilityStatement.CapabilityStatementRestResourceComponent task = rest.addResource().setType("Task");
        task.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.READ);
        if (taskCreate) {
            task.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.CREATE);
            rest.addInteraction().setCode(CapabilityStatement.SystemRestfulInteraction.TRANSACTION);
        }
        for (String type : new String[] {"CarePlan", "Consent", "Communication"}) {
            rest.addResource().setType(type).addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.READ);
        }
        return FhirContext.forR4Cached().newJsonParser().encodeResourceToString(statement);
    }

    /** Answers both packed scripts as they demand. */
    private void serveCorrectly(boolean taskCreate) {
        stub.on("GET", "/metadata", Response.of(200, capabilities(taskCreate)));
        stub.on("GET", "/Task/does-not-exist-0f5e", Response.of(404, NOT_FOUND));
        stub.on("POST", "/Task", Response.of(400, BAD_REQUEST));
        stub.on("POST", "", Response.of(400, TIME_WITHOUT_SECONDS));
    }

    private String[] args(String... more) {
        String[] base = {"--base-url", stub.baseUrl(), "--out", dir.resolve("reports").toString(), "--only", "capability-statement",
            "--only", "error-form", "--timeout", "10"};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void When_NoArguments_Expect_UsageAndExit2() {
        assertThat(run()).isEqualTo(2);
        assertThat(out()).contains("usage:");
    }

    @Test
    void When_Help_Expect_UsageAndExit0() {
        assertThat(run("--help")).isZero();
        assertThat(out()).contains("--base-url URL");
    }

    @Test
    void When_OptionIsWrong_Expect_MessageUsageAndExit2() {
        assertThat(run("--base-url", stub.baseUrl(), "--bogus")).isEqualTo(2);
        assertThat(err()).contains("unknown option --bogus").contains("usage:");
        assertThat(run("--token", "t")).isEqualTo(2);
        assertThat(err()).contains("--base-url http(s)://… is required");
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void When_TimeoutIsNotPositive_Expect_Exit2AndNoRequest() {
        serveCorrectly(true);

        assertThat(run(args("--timeout", "0"))).as(out() + err()).isEqualTo(2);
        assertThat(err()).contains("--timeout takes whole seconds");
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void When_OnlyNamesNoScript_Expect_Exit2() {
        assertThat(run("--base-url", stub.baseUrl(), "--only", "no-such-script")).isEqualTo(2);
        assertThat(err()).contains("no script named [no-such-script]");
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void When_ServerAnswersEveryScriptCorrectly_Expect_Exit0AndReports() {
        serveCorrectly(true);

        int code = run(args("--token", "suite-token"));

        assertThat(code).as(out() + err()).isZero();
        assertThat(out()).contains("(2 scripts)").contains("pass  capability-statement").contains("pass  error-form")
                .contains("0 failed, 0 errors, 0 skipped");
        assertThat(dir.resolve("reports/report.html")).isRegularFile();
        assertThat(dir.resolve("reports/junit.xml")).isRegularFile();
        assertThat(dir.resolve("reports/testreports/error-form.json")).isRegularFile();
        assertThat(stub.requests()).isNotEmpty().allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer suite-token"));
        assertThat(stub.requests("POST", "/Task")).hasSize(2);
    }

    @Test
    void When_ServerBreaksOneAnswer_Expect_Exit1() {
        serveCorrectly(true);
        stub.on("POST", "/Task", Response.of(201, "{\"resourceType\":\"Task\",\"id\":\"t1\",\"status\":\"draft\",\"intent\":\"order\"}"));

        int code = run(args());

        assertThat(code).as(out() + err()).isEqualTo(1);
        assertThat(out()).contains("pass  capability-statement").contains("fail  error-form").contains("2 failed");
    }

    @Test
    void When_MetadataFails_Expect_Exit1() {
        stub.on("GET", "/metadata", Response.of(503, ""));

        assertThat(run(args())).isEqualTo(1);
        assertThat(out()).contains("0 scripts omitted").doesNotContain("pass  ");
    }

    @Test
    void When_TestsSkipped_Expect_Exit0UnlessStrict() {
        serveCorrectly(false);

        assertThat(run(args())).as(out() + err()).isZero();
        assertThat(out()).contains("3 skipped"); // two creates and a transaction the server does not claim
        assertThat(stub.requests("POST", "/Task")).isEmpty();

        assertThat(run(args("--strict"))).isEqualTo(1);
        assertThat(out()).contains("--strict: skipped tests count as failures");
    }

    @Test
    void When_ClientCredentialsGiven_Expect_TokenFromDiscoveredEndpointSent() {
        serveCorrectly(true);
        stub.on("GET", "/.well-known/smart-configuration", r -> Response.of(200,
                "{\"token_endpoint\":\"" + stub.baseUrl() + "/token\"}").withHeader("Content-Type", "application/json"));
        stub.on("POST", "/token", Response.of(200, "{\"access_token\":\"fetched\",\"expires_in\":300}")
                .withHeader("Content-Type", "application/json"));

        int code = run(args("--client-id", "suite", "--client-secret", "s3cret", "--scope", "system/*.read"));

        assertThat(code).as(out() + err()).isZero();
        StubFhirServer.Request token = stub.requests("POST", "/token").get(0);
        assertThat(token.header("Authorization")).isEqualTo("Basic "
                + java.util.Base64.getEncoder().encodeToString("suite:s3cret".getBytes(StandardCharsets.UTF_8)));
        assertThat(token.body()).isEqualTo("grant_type=client_credentials&scope=system%2F*.read");
        assertThat(stub.requests("GET", "/metadata").get(0).header("Authorization")).isEqualTo("Bearer fetched");
        assertThat(stub.requests("POST", "/token")).as("the token is reused").hasSize(1);
    }

    @Test
    void When_TokenEndpointRefuses_Expect_CannotAuthenticateExit2() {
        serveCorrectly(true);
        stub.on("POST", "/token", Response.of(401, "{\"error\":\"invalid_client\"}").withHeader("Content-Type", "application/json"));

        int code = run(args("--client-id", "suite", "--client-secret", "wrong", "--token-url", stub.baseUrl() + "/token"));

        assertThat(code).isEqualTo(2);
        assertThat(err()).contains("cannot authenticate").contains("401").contains("invalid_client");
        assertThat(stub.requests("GET", "/metadata")).isEmpty();
    }
}
