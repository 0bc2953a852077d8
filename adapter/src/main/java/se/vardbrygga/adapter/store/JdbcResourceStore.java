package se.vardbrygga.adapter.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import se.vardbrygga.adapter.config.AdapterConfig.Database;

/** The JDBC store: a connection pool, schema migrations at start, one transaction per unit of work. */
public final class JdbcResourceStore implements ResourceStore, AutoCloseable {
    private final HikariDataSource dataSource;
    private final SqlDialect dialect;

    private JdbcResourceStore(HikariDataSource dataSource, SqlDialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    /** Opens the pool and migrates the schema to the newest version (Flyway). */
    public static JdbcResourceStore open(Database config) {
        SqlDialect dialect = SqlDialect.forUrl(config.url());
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(durableUrl(config.url()));
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(config.poolSize());
        hikari.setPoolName("vardbrygga");
        hikari.setAutoCommit(false);
        HikariDataSource dataSource = new HikariDataSource(hikari);
        try {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new JdbcResourceStore(dataSource, dialect);
    }

    /**
     * An H2 file database keeps commits in memory for WRITE_DELAY ms (default 500) before writing
     * them: a kill -9 inside that window loses committed resources. Unless the operator chose a
     * value, every commit goes to the file at once.
     */
    static String durableUrl(String url) {
        boolean h2File = url.startsWith("jdbc:h2:file:") || (url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:")
                && !url.startsWith("jdbc:h2:tcp:") && !url.startsWith("jdbc:h2:ssl:"));
        if (h2File && !url.toUpperCase(java.util.Locale.ROOT).contains(";WRITE_DELAY=")) {
            return url + ";WRITE_DELAY=0";
        }
        return url;
    }

    @Override
    public <T> T inTransaction(StoreWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            try {
                T result = work.run(new JdbcStoreSession(connection, dialect));
                connection.commit();
                return result;
            } catch (RuntimeException | Error e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreFailure("transaction failed", e);
        }
    }

    @Override
    public boolean isReachable() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
