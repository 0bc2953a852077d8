package se.vardbrygga.conformance.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoadArgsTest {

    private static final String BASE = "http://localhost:8080/fhir";

    @Test
    void When_OnlyBaseUrlGiven_Expect_Defaults() {
        LoadConfig config = LoadArgs.parse("--base-url", BASE);

        assertThat(config.baseUrl()).isEqualTo(BASE);
        assertThat(config.threads()).isEqualTo(4);
        assertThat(config.duration()).isEqualTo(Duration.ofSeconds(20));
        assertThat(config.warmup()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.scenario()).isEqualTo("handover");
        assertThat(config.steady()).isFalse();
        assertThat(config.auth()).isEqualTo(LoadAuth.NONE);
        assertThat(config.subjects()).isEqualTo(LoadSubjects.DEMO);
        assertThat(config.jsonFile()).isEmpty();
    }

    @Test
    void When_AllOptionsGiven_Expect_TheirValues(@TempDir Path dir) {
        Path json = dir.resolve("out.json");
        LoadConfig config = LoadArgs.parse("--base-url", BASE + "/", "--threads", "8", "--duration=60",
                "--warmup", "0", "--scenario", "create-read", "--token", "abc.def-ghi", "--json", json.toString());

        assertThat(config.baseUrl()).isEqualTo(BASE);
        assertThat(config.threads()).isEqualTo(8);
        assertThat(config.duration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.warmup()).isZero();
        assertThat(config.auth().token()).isEqualTo("abc.def-ghi");
        assertThat(config.jsonFile()).contains(json);
        assertThat(config.toString()).doesNotContain("abc.def-ghi");
    }

    @Test
    void When_ClientCredentialsReceiverAndVarsGiven_Expect_TheirValues() {
        LoadConfig config = LoadArgs.parse("--base-url", BASE, "--client-id", "ward", "--client-secret", "pw", "--scope", "system/*.*",
                "--origin", "2=homecare:pw2", "--var", "ownerHsaId=SE2120009945-VB2301", "--var", "personnummer=191212121212",
                "--rate", "25");

        assertThat(config.auth()).isEqualTo(new LoadAuth(null, "ward", "pw", "system/*.*", null, "homecare:pw2"));
        assertThat(config.subjects()).isEqualTo(new LoadSubjects("191212121212", LoadSubjects.DEMO.requesterHsaId(),
                "SE2120009945-VB2301", LoadSubjects.DEMO.physicianHsaId()));
        assertThat(config.rate()).isEqualTo(25);
        assertThat(config.toString()).doesNotContain("pw", "191212121212");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",                                           // base URL missing
        "--base-url",                                 // value missing
        "--base-url --threads 2",                     // value missing, next is an option
        "--base-url ftp://localhost/fhir",            // scheme
        "--base-url localhost:8080/fhir",             // no http scheme
        "--base-url http://localhost/fhir?x=1",       // query
        "--base-url http://localhost/fhir --threads four",
        "--base-url http://localhost/fhir --threads 0",
        "--base-url http://localhost/fhir --threads 1001",
        "--base-url http://localhost/fhir --duration 0",
        "--base-url http://localhost/fhir --warmup -1",
        "--base-url http://localhost/fhir --scenario read-only",
        "--base-url http://localhost/fhir --bogus 1",
        "--base-url http://localhost/fhir --threads 2 --threads 3",
        "--base-url http://localhost/fhir extra",
        "--base-url http://localhost/fhir --json /no/such/dir/out.json",
        "--base-url http://localhost/fhir --rate 0",
        "--base-url http://localhost/fhir --token t --client-id a --client-secret b",
        "--base-url http://localhost/fhir --client-id a",
        "--base-url http://localhost/fhir --origin 3=t",
        "--base-url http://localhost/fhir --var owner=SE1",
        "--base-url http://localhost/fhir --var ownerHsaId=a\"b",
        "--base-url http://localhost/fhir --var nameless",
    })
    void When_ArgumentsAreBad_Expect_UsageException(String line) {
        String[] args = line.isEmpty() ? new String[0] : line.split(" ");

        assertThatThrownBy(() -> LoadArgs.parse(args)).isInstanceOf(UsageException.class);
    }

    @Test
    void When_BadArgumentsGivenToRunner_Expect_ExitCode2() {
        LoadRunner runner = new LoadRunner(
                new java.io.PrintStream(java.io.OutputStream.nullOutputStream()),
                new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));

        assertThat(runner.run("--base-url", BASE, "--duration", "soon")).isEqualTo(LoadRunner.EXIT_USAGE);
    }

    @Test
    void When_HelpFlagPresent_Expect_WantsHelp() {
        assertThat(LoadArgs.wantsHelp("--base-url", BASE, "-h")).isTrue();
        assertThat(LoadArgs.wantsHelp("--base-url", BASE)).isFalse();
    }
}
