package se.vardbrygga.adapter.config;

/** The whole configuration of the adapter, as read from YAML with environment overrides. */
public record AdapterConfig(Server server, Database database, Validation validation) {

    public record Server(String host, int port, long maxRequestBytes, String publicBaseUrl) {
    }

    public record Database(String url, String user, String password, int poolSize) {
    }

    /** {@code enabled}: validate every write against the profiles (422 when invalid). */
    public record Validation(boolean enabled) {
    }

    public AdapterConfig withPort(int port) {
        return new AdapterConfig(new Server(server.host(), port, server.maxRequestBytes(), server.publicBaseUrl()), database,
                validation);
    }

    public AdapterConfig withDatabase(Database db) {
        return new AdapterConfig(server, db, validation);
    }
}
