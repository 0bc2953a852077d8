package se.vardbrygga.adapter.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {
    private static final String DEFAULT_URL = "jdbc:h2:file:./data/vardbrygga;RETENTION_TIME=0";

    @TempDir
    Path dir;

    @Test
    void When_NoFileNoEnvironment_Expect_Defaults() {
        AdapterConfig config = new ConfigLoader(Map.of()).load(null);

        assertThat(config.server()).isEqualTo(new AdapterConfig.Server("0.0.0.0", 8080, 5_242_880L, "", AdapterConfig.Tls.OFF));
        assertThat(config.database()).isEqualTo(new AdapterConfig.Database(DEFAULT_URL, "sa", "", 10));
    }

    @Test
    void When_TlsAndTokenEndpointSetByEnvironment_Expect_NestedSettings() {
        AdapterConfig config = new ConfigLoader(Map.of("VARDBRYGGA_SERVER_TLS_KEY_STORE", "/etc/vb/server.p12",
                "VARDBRYGGA_SERVER_TLS_CLIENT_AUTH", "need", "VARDBRYGGA_SECURITY_CLIENTS_FILE", "/etc/vb/clients.json")).load(null);

        assertThat(config.server().tls().enabled()).isTrue();
        assertThat(config.server().tls().clientAuth()).isEqualTo("need");
        assertThat(config.security().issuesTokens()).isTrue();
        assertThat(config.security().tokenSeconds()).isEqualTo(300);
    }

    @Test
    void When_Defaults_Expect_ValidationOnAndEnvironmentCanTurnItOff() {
        assertThat(new ConfigLoader(Map.of()).load(null).validation().enabled()).isTrue();
        assertThat(new ConfigLoader(Map.of("VARDBRYGGA_VALIDATION_ENABLED", "false")).load(null).validation().enabled())
                .isFalse();
    }

    @Test
    void When_FileSetsPort_Expect_PortOverriddenRestDefault() throws IOException {
        Path file = yaml("server:\n  port: 9443\n");

        AdapterConfig config = new ConfigLoader(Map.of()).load(file);

        assertThat(config.server().port()).isEqualTo(9443);
        assertThat(config.server().host()).isEqualTo("0.0.0.0");
        assertThat(config.database().url()).isEqualTo(DEFAULT_URL);
    }

    @Test
    void When_EnvironmentSet_Expect_ItOverridesFileAndDefaults() throws IOException {
        Path file = yaml("server:\n  port: 9443\ndatabase:\n  url: jdbc:h2:mem:fromfile\n  poolSize: 3\n");
        Map<String, String> env = Map.of(
                "VARDBRYGGA_SERVER_PORT", "9090",
                "VARDBRYGGA_DATABASE_URL", "jdbc:postgresql://x/y");

        AdapterConfig config = new ConfigLoader(env).load(file);

        assertThat(config.server().port()).isEqualTo(9090);
        assertThat(config.database().url()).isEqualTo("jdbc:postgresql://x/y");
        assertThat(config.database().poolSize()).isEqualTo(3);
        assertThat(config.database().user()).isEqualTo("sa");
    }

    @Test
    void When_EnvironmentSetsCamelCaseSetting_Expect_ItApplied() {
        Map<String, String> env = Map.of(
                "VARDBRYGGA_SERVER_MAX_REQUEST_BYTES", "1024",
                "VARDBRYGGA_DATABASE_POOL_SIZE", "2",
                "VARDBRYGGA_SERVER_PUBLIC_BASE_URL", "https://fhir.example.se/r4",
                "VARDBRYGGA_UNRELATED", "ignored");

        AdapterConfig config = new ConfigLoader(env).load(null);

        assertThat(config.server().maxRequestBytes()).isEqualTo(1024L);
        assertThat(config.database().poolSize()).isEqualTo(2);
        assertThat(config.server().publicBaseUrl()).isEqualTo("https://fhir.example.se/r4");
    }

    @ParameterizedTest
    @CsvSource({"server.maxRequestBytes, VARDBRYGGA_SERVER_MAX_REQUEST_BYTES", "server.port, VARDBRYGGA_SERVER_PORT",
            "database.poolSize, VARDBRYGGA_DATABASE_POOL_SIZE",
            "server.publicBaseUrl, VARDBRYGGA_SERVER_PUBLIC_BASE_URL"})
    void When_EnvName_Expect_PrefixedUpperSnakeCase(String path, String expected) {
        assertThat(ConfigLoader.envName(path)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"'server:\n  prot: 9443\n'; server.prot", "'logging:\n  level: debug\n'; logging"})
    void When_UnknownKeyInFile_Expect_IllegalArgumentNamingIt(String content, String key) throws IOException {
        Path file = yaml(content);

        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + key + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"server:\n  port:\n", "database:\n  poolSize: ~\n"})
    void When_SettingHasNoValue_Expect_IllegalArgumentNotZero(String content) throws IOException {
        Path file = yaml(content);

        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no value");
    }

    @Test
    void When_SectionIsNotAMap_Expect_IllegalArgument() throws IOException {
        Path file = yaml("server: 8080\n");

        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'server'");
    }

    @Test
    void When_FileMissing_Expect_IllegalArgumentNamingFile() {
        Path missing = dir.resolve("missing.yaml");

        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void When_FileIsADirectory_Expect_IllegalArgument() {
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Cannot read configuration file");
    }

    @Test
    void When_FileNotYaml_Expect_IllegalArgument() throws IOException {
        Path file = yaml("server: [unclosed\n");

        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    void When_EnvironmentValueNotANumber_Expect_IllegalArgument() {
        ConfigLoader loader = new ConfigLoader(Map.of("VARDBRYGGA_SERVER_PORT", "eighty"));

        assertThatThrownBy(() -> loader.load(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Invalid configuration");
    }

    @Test
    void When_FileEmpty_Expect_Defaults() throws IOException {
        AdapterConfig config = new ConfigLoader(Map.of()).load(yaml(""));

        assertThat(config).isEqualTo(new ConfigLoader(Map.of()).load(null));
    }

    private Path yaml(String content) throws IOException {
        return Files.writeString(dir.resolve("vardbrygga.yaml"), content);
    }
}
