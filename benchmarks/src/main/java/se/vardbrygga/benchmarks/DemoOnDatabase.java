package se.vardbrygga.benchmarks;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import se.vardbrygga.adapter.cli.Demo;
import se.vardbrygga.adapter.config.AdapterConfig;
import se.vardbrygga.adapter.config.ConfigLoader;

/**
 * The demo's configuration (with its clients) on the database a benchmark names: {@code h2}, a file in a temporary
 * directory (H2 options from {@code -Dh2.options}, default {@code ;RETENTION_TIME=0}), or {@code postgres}, an
 * embedded PostgreSQL of its own, stopped by {@link #close}.
 */
final class DemoOnDatabase implements AutoCloseable {
    private final AdapterConfig config;
    private final EmbeddedPostgres postgres;

    private DemoOnDatabase(AdapterConfig config, EmbeddedPostgres postgres) {
        this.config = config;
        this.postgres = postgres;
    }

    /** @param tempPrefix the prefix of the temporary directories (H2's file, the demo clients) */
    static DemoOnDatabase start(String db, int port, String tempPrefix) throws IOException {
        AdapterConfig config = new ConfigLoader(System.getenv()).load(null).withPort(port);
        EmbeddedPostgres postgres = db.equals("postgres") ? EmbeddedPostgres.builder().start() : null;
        config = config.withDatabase(postgres != null
                ? new AdapterConfig.Database(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "", 10)
                : new AdapterConfig.Database("jdbc:h2:file:" + Files.createTempDirectory(tempPrefix).resolve("db")
                        + System.getProperty("h2.options", ";RETENTION_TIME=0"), "sa", "", 10));
        // the demo's token endpoint: the load is sent as the demo's units, with the unit checks and the access log on
        config = Demo.withDemoClients(config, Files.createTempDirectory(tempPrefix + "clients-").resolve("clients.json"));
        return new DemoOnDatabase(config, postgres);
    }

    AdapterConfig config() {
        return config;
    }

    @Override
    public void close() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }
}
