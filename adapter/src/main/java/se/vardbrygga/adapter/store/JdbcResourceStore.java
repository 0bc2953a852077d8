package se.vardbrygga.adapter.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
        hikari.setJdbcUrl(config.url());
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

    @Override
    public <T> T inTransaction(StoreWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            try {
                JdbcStoreSession session = new JdbcStoreSession(connection, dialect);
                T result = work.run(session);
                connection.commit();
                if (session.wrote() && dialect.afterWriteCommit != null) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute(dialect.afterWriteCommit);
                    }
                }
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
