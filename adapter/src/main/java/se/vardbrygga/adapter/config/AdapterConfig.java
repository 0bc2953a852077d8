package se.vardbrygga.adapter.config;

import java.time.Duration;

/** The whole configuration of the adapter, as read from YAML with environment overrides. */
public record AdapterConfig(Server server, Database database, Validation validation, Jobs jobs, Purchase purchase) {

    public record Server(String host, int port, long maxRequestBytes, String publicBaseUrl) {
    }

    public record Database(String url, String user, String password, int poolSize) {
    }

    /** {@code enabled}: validate every write against the profiles (422 when invalid). */
    public record Validation(boolean enabled) {
    }

    /** How often time-driven rules run, in seconds; 0 = not on a schedule. */
    public record Jobs(long assistanceReminderIntervalSeconds) {
        public static final Jobs OFF = new Jobs(0);

        public Duration assistanceReminderInterval() {
            return Duration.ofSeconds(assistanceReminderIntervalSeconds);
        }
    }

    /**
     * {@code regionsDirectory}: an operator's directory of {@code <region>.json} service-purchase rule sets with
     * the yearly rate entries (R-TK-4); empty = the built-in files only.
     */
    public record Purchase(String regionsDirectory) {
        public static final Purchase BUILT_IN = new Purchase("");

        public java.util.Optional<java.nio.file.Path> directory() {
            return regionsDirectory == null || regionsDirectory.isBlank() ? java.util.Optional.empty()
                    : java.util.Optional.of(java.nio.file.Path.of(regionsDirectory));
        }
    }

    public AdapterConfig withPort(int port) {
        return new AdapterConfig(new Server(server.host(), port, server.maxRequestBytes(), server.publicBaseUrl()), database,
                validation, jobs, purchase);
    }

    public AdapterConfig withDatabase(Database db) {
        return new AdapterConfig(server, db, validation, jobs, purchase);
    }
}
