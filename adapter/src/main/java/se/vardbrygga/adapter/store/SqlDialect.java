package se.vardbrygga.adapter.store;

/** The few statements that differ between H2 and PostgreSQL. */
enum SqlDialect {
    H2("MERGE INTO conditional_lock (lock_key) KEY (lock_key) VALUES (?)"),
    POSTGRESQL("INSERT INTO conditional_lock (lock_key) VALUES (?) ON CONFLICT DO NOTHING");

    final String ensureLockRow;

    SqlDialect(String ensureLockRow) {
        this.ensureLockRow = ensureLockRow;
    }

    static SqlDialect forUrl(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("Unsupported database URL (use jdbc:h2: or jdbc:postgresql:)");
    }
}
