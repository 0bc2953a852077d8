package se.vardbrygga.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunOptionsTest {

    private static final String BASE = "http://localhost:8080/fhir";

    private static RunOptions parse(String line) {
        return RunOptions.parse(line.isBlank() ? new String[0] : line.trim().split("\\s+"));
    }

    @Test
    void When_OnlyBaseUrlGiven_Expect_Defaults() {
        RunOptions options = parse("--base-url " + BASE);

        assertThat(options.baseUrl()).isEqualTo(BASE);
        assertThat(options.out()).isEqualTo(Path.of("conformance-report"));
        assertThat(options.timeoutSeconds()).isEqualTo(30);
        assertThat(options.strict()).isFalse();
        assertThat(options.only()).isEmpty();
        assertThat(options.origins()).isEmpty();
        assertThat(options.token()).isNull();
        assertThat(options.clientId()).isNull();
        assertThat(options.clientSecret()).isNull();
        assertThat(options.scope()).isNull();
        assertThat(options.tokenUrl()).isNull();
    }

    @Test
    void When_AllOptionsGiven_Expect_TheirValues() {
        RunOptions options = parse("--base-url https://fhir.example/r4// --out reports --client-id suite --client-secret s3cret "
                + "--scope system/*.read --token-url https://idp.example/token --origin 1=eyJabc --origin 2=receiver:secret "
                + "--only capability-statement --only error-form --strict --timeout 5");

        assertThat(options.baseUrl()).isEqualTo("https://fhir.example/r4");
        assertThat(options.out()).isEqualTo(Path.of("reports"));
        assertThat(options.clientId()).isEqualTo("suite");
        assertThat(options.clientSecret()).isEqualTo("s3cret");
        assertThat(options.scope()).isEqualTo("system/*.read");
        assertThat(options.tokenUrl()).isEqualTo("https://idp.example/token");
        assertThat(options.origins()).containsExactly(entry("1", "eyJabc"), entry("2", "receiver:secret"));
        assertThat(options.only()).isEqualTo(List.of("capability-statement", "error-form"));
        assertThat(options.strict()).isTrue();
        assertThat(options.timeoutSeconds()).isEqualTo(5);
    }

    @Test
    void When_TokenGiven_Expect_Token() {
        assertThat(parse("--token abc.def --base-url " + BASE).token()).isEqualTo("abc.def");
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
        "''                                                                   | --base-url http(s)://… is required",
        "--out x                                                              | --base-url http(s)://… is required",
        "--base-url ftp://localhost/fhir                                      | --base-url http(s)://… is required",
        "--base-url localhost:8080/fhir                                       | --base-url http(s)://… is required",
        "--base-url                                                           | --base-url needs a value",
        "--base-url --strict                                                  | --base-url needs a value",
        "--base-url http://h/fhir --token t --client-id c --client-secret s   | not both",
        "--base-url http://h/fhir --client-id c                               | --client-id and --client-secret go together",
        "--base-url http://h/fhir --client-secret s                           | --client-id and --client-secret go together",
        "--base-url http://h/fhir --origin receiver=tok                       | --origin takes N=TOKEN",
        "--base-url http://h/fhir --origin 1                                  | --origin takes N=TOKEN",
        "--base-url http://h/fhir --origin 1=                                 | --origin takes N=TOKEN",
        "--base-url http://h/fhir --timeout soon                              | --timeout takes whole seconds",
        "--base-url http://h/fhir --timeout 0                                 | --timeout takes whole seconds",
        "--base-url http://h/fhir --timeout -5                                | --timeout takes whole seconds",
        "--base-url http://h/fhir --bogus                                     | unknown option --bogus",
        "--base-url http://h/fhir extra                                       | unknown option extra",
    })
    void When_UsageIsWrong_Expect_IllegalArgument(String line, String message) {
        assertThatThrownBy(() -> parse(line)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @Test
    void When_OriginIsBad_Expect_MessageWithoutTheSecret() {
        assertThatThrownBy(() -> parse("--base-url " + BASE + " --origin receiver=very-secret-token"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("very-secret-token");
    }
}
