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
        assertThat(config.scenario()).isEqualTo("create-read");
        assertThat(config.token()).isEmpty();
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
        assertThat(config.token()).contains("abc.def-ghi");
        assertThat(config.jsonFile()).contains(json);
        assertThat(config.toString()).doesNotContain("abc.def-ghi");
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
