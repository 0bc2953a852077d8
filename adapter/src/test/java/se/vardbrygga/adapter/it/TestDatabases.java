package se.vardbrygga.adapter.it;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import se.vardbrygga.adapter.config.AdapterConfig;

/**
 * The databases the integration tests run against: an H2 file in a fresh temporary directory, and a
 * real PostgreSQL server (embedded binaries from Maven Central, started once per test JVM) with a
 * fresh database per call. Nothing is skipped when PostgreSQL is missing: it is always started.
 */
public final class TestDatabases {
    private static EmbeddedPostgres postgres;

    private TestDatabases() {
    }

    public static AdapterConfig.Database h2() {
        try {
            Path dir = Files.createTempDirectory("vardbrygga-h2-");
            return new AdapterConfig.Database("jdbc:h2:file:" + dir.resolve("db") + ";RETENTION_TIME=0", "sa", "", 8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static synchronized AdapterConfig.Database postgres() {
        try {
            if (postgres == null) {
                postgres = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException ignored) {
                        // the JVM is ending
                    }
                }));
            }
            String name = "vb_" + UUID.randomUUID().toString().replace("-", "");
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            }
            return new AdapterConfig.Database(postgres.getJdbcUrl("postgres", name), "postgres", "postgres", 8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
