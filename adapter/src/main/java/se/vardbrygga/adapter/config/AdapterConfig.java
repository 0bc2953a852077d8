package se.vardbrygga.adapter.config;

import java.time.Duration;

/** The whole configuration of the adapter, as read from YAML with environment overrides. */
public record AdapterConfig(Server server, Database database, Validation validation, Jobs jobs, Purchase purchase,
                            Routing routing) {

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

    /**
     * The outbox worker: how often it looks for due rows ({@code pollMillis}; 0 = no worker on this node), how many
     * it claims at once, attempts before a row is dead, the exponential backoff (with jitter) between attempts, the
     * timeout of one delivery, and the OAuth2 client of the Cosmic FHIR API.
     */
    public record Routing(long pollMillis, int batchSize, int maxAttempts, long backoffBaseMillis, long backoffMaxMillis,
                          long requestTimeoutMillis, String oauthClientId, String oauthClientSecret) {
        public static final Routing OFF = new Routing(0, 20, 8, 1000, 300_000, 10_000, "vardbrygga", "demo-secret");

        public Routing withPollMillis(long millis) {
            return new Routing(millis, batchSize, maxAttempts, backoffBaseMillis, backoffMaxMillis, requestTimeoutMillis,
                    oauthClientId, oauthClientSecret);
        }

        public Routing withBackoff(long baseMillis, long maxMillis) {
            return new Routing(pollMillis, batchSize, maxAttempts, baseMillis, maxMillis, requestTimeoutMillis,
                    oauthClientId, oauthClientSecret);
        }

        public Routing withMaxAttempts(int attempts) {
            return new Routing(pollMillis, batchSize, attempts, backoffBaseMillis, backoffMaxMillis, requestTimeoutMillis,
                    oauthClientId, oauthClientSecret);
        }
    }

    public AdapterConfig withPort(int port) {
        return new AdapterConfig(new Server(server.host(), port, server.maxRequestBytes(), server.publicBaseUrl()), database,
                validation, jobs, purchase, routing);
    }

    public AdapterConfig withDatabase(Database db) {
        return new AdapterConfig(server, db, validation, jobs, purchase, routing);
    }

    public AdapterConfig withRouting(Routing r) {
        return new AdapterConfig(server, database, validation, jobs, purchase, r);
    }
}
