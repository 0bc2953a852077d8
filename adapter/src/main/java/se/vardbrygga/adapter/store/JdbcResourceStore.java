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
    private static final int ATTEMPTS = 3;

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

    /**
     * Runs {@code work} in one transaction. A deadlock or serialization failure (SQLState class 40, which
     * PostgreSQL reports when concurrent transactions lock in different orders) rolls back and runs the work again,
     * at most {@value #ATTEMPTS} times in all: nothing of a failed attempt was committed.
     */
    @Override
    public <T> T inTransaction(StoreWork<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return once(work);
            } catch (StoreFailure failure) {
                if (!failure.isTransient() || attempt == ATTEMPTS) {
                    throw failure;
                }
                try {
                    Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(5, 50L * attempt));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw failure;
                }
            }
        }
    }

    private <T> T once(StoreWork<T> work) {
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
                if (session.enqueued()) {
                    outboxListener.run();
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

    private volatile Runnable outboxListener = () -> { };

    @Override
    public void onOutboxCommit(Runnable listener) {
        this.outboxListener = listener;
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
