package se.vardbrygga.adapter.config;

import java.time.Duration;

/** The whole configuration of the adapter, as read from YAML with environment overrides. */
public record AdapterConfig(Server server, Database database, Validation validation, Jobs jobs, Purchase purchase,
                            Routing routing, Outage outage, Security security) {

    public record Server(String host, int port, long maxRequestBytes, String publicBaseUrl, Tls tls) {
        public Server(String host, int port, long maxRequestBytes, String publicBaseUrl) {
            this(host, port, maxRequestBytes, publicBaseUrl, Tls.OFF);
        }

        public Server withTls(Tls t) {
            return new Server(host, port, maxRequestBytes, publicBaseUrl, t);
        }
    }

    /**
     * HTTPS instead of HTTP when {@code keyStore} (PKCS#12: the server's key and certificate chain) is set; with
     * {@code clientAuth} {@code need} (or {@code want}) mutual TLS: a client certificate issued by a CA of
     * {@code trustStore} (e.g. SITHS) is required (or asked for). A token bound to a certificate (RFC 8705) is then
     * accepted only over a connection with that certificate.
     */
    public record Tls(String keyStore, String keyStorePassword, String trustStore, String trustStorePassword, String clientAuth) {
        public static final Tls OFF = new Tls("", "", "", "", "none");

        public boolean enabled() {
            return keyStore != null && !keyStore.isBlank();
        }
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
     * it claims at once, how many claim-and-deliver rounds run side by side on this node ({@code workers}), attempts
     * before a row is dead, the exponential backoff (with jitter) between attempts, the timeout of one delivery, the OAuth2 client of the Cosmic FHIR API, and how long an Endpoint's circuit stays open
     * (no calls) after five failures in a row before one trial call.
     */
    public record Routing(long pollMillis, int batchSize, int workers, int maxAttempts, long backoffBaseMillis,
                          long backoffMaxMillis, long requestTimeoutMillis, String oauthClientId, String oauthClientSecret, long circuitOpenMillis) {
        public static final Routing OFF = new Routing(0, 20, 2, 8, 1000, 300_000, 10_000, "vardbrygga", "demo-secret", 30_000);

        public Routing withPollMillis(long millis) {
            return new Routing(millis, batchSize, workers, maxAttempts, backoffBaseMillis, backoffMaxMillis, requestTimeoutMillis,
                    oauthClientId, oauthClientSecret, circuitOpenMillis);
        }

        public Routing withBackoff(long baseMillis, long maxMillis) {
            return new Routing(pollMillis, batchSize, workers, maxAttempts, baseMillis, maxMillis, requestTimeoutMillis,
                    oauthClientId, oauthClientSecret, circuitOpenMillis);
        }

        public Routing withCircuitOpenMillis(long millis) {
            return new Routing(pollMillis, batchSize, workers, maxAttempts, backoffBaseMillis, backoffMaxMillis, requestTimeoutMillis,
                    oauthClientId, oauthClientSecret, millis);
        }

        public Routing withMaxAttempts(int attempts) {
            return new Routing(pollMillis, batchSize, workers, attempts, backoffBaseMillis, backoffMaxMillis, requestTimeoutMillis,
                    oauthClientId, oauthClientSecret, circuitOpenMillis);
        }
    }

    /**
     * The outage routine (R-OUT-1): a delivery that keeps failing for {@code afterMillis} (or through all its
     * attempts; or, with {@code onOpenCircuit}, as soon as the Endpoint's circuit is open) goes out as the SBAR form by
     * S/MIME e-mail through the SMTP server {@code smtpHost:smtpPort} from {@code from}, plus a phone-call Task for
     * the sending unit; it is reconciled when the system is back. No smtpHost: no outage routine on this node.
     */
    public record Outage(long afterMillis, boolean onOpenCircuit, String smtpHost, int smtpPort, String from) {
        public static final Outage OFF = new Outage(900_000, false, "", 25, "vardbrygga@localhost");

        public boolean enabled() {
            return smtpHost != null && !smtpHost.isBlank();
        }

        public Outage withSmtp(String host, int port) {
            return new Outage(afterMillis, onOpenCircuit, host, port, from);
        }

        public Outage withAfterMillis(long millis) {
            return new Outage(millis, onOpenCircuit, smtpHost, smtpPort, from);
        }
    }

    public AdapterConfig withPort(int port) {
        return new AdapterConfig(new Server(server.host(), port, server.maxRequestBytes(), server.publicBaseUrl(), server.tls()), database,
                validation, jobs, purchase, routing, outage, security);
    }

    public AdapterConfig withDatabase(Database db) {
        return new AdapterConfig(server, db, validation, jobs, purchase, routing, outage, security);
    }

    public AdapterConfig withRouting(Routing r) {
        return new AdapterConfig(server, database, validation, jobs, purchase, r, outage, security);
    }

    public AdapterConfig withOutage(Outage o) {
        return new AdapterConfig(server, database, validation, jobs, purchase, routing, o, security);
    }

    public AdapterConfig withSecurity(Security s) {
        return new AdapterConfig(server, database, validation, jobs, purchase, routing, outage, s);
    }

    /**
     * Who may call (SMART Backend Services style): bearer JWT access tokens signed by a key of the JWKS in
     * {@code jwksFile} or at {@code jwksUrl}, from {@code issuer}, for {@code audience}, not expired (with
     * {@code clockSkewSeconds} of leeway); the calling unit's HSA-id in the claim {@code unitClaim}. Without keys the
     * server refuses to start unless {@code open} says to run without authentication (every request then acts as an
     * unrestricted caller, and the log says so). {@code requestsPerMinute}: per client; 0 = no limit.
     * {@code clientsFile}: the clients registered with this server's own token endpoint ({@code POST /auth/token},
     * SMART Backend Services client credentials), whose access tokens last {@code tokenSeconds}; empty = no endpoint.
     */
    public record Security(boolean open, String jwksFile, String jwksUrl, String issuer, String audience,
                           long clockSkewSeconds, String unitClaim, int requestsPerMinute, String clientsFile,
                           long tokenSeconds) {
        public static final Security OPEN = new Security(true, "", "", "", "", 60, "hsa_id", 0, "", 300);

        /** Tokens of an outside issuer (its JWKS file or URL), of this server's own token endpoint, or both. */
        public boolean hasKeys() {
            return !(jwksFile == null || jwksFile.isBlank()) || !(jwksUrl == null || jwksUrl.isBlank()) || issuesTokens();
        }

        public boolean issuesTokens() {
            return !(clientsFile == null || clientsFile.isBlank());
        }

        public Security withClients(String file, long seconds) {
            return new Security(false, jwksFile, jwksUrl, issuer, audience, clockSkewSeconds, unitClaim, requestsPerMinute, file, seconds);
        }
    }
}
