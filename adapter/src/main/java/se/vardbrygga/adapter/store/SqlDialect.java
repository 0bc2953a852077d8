package se.vardbrygga.adapter.store;

/** The few statements that differ between H2 and PostgreSQL. */
enum SqlDialect {
    /**
     * H2 keeps commits in memory for WRITE_DELAY ms (default 500) and writes them from a background
     * thread, which also compacts the file. A kill -9 inside that window would lose acknowledged
     * writes, so every write transaction is followed by a CHECKPOINT (the store writes the commit
     * to the file) before it is acknowledged. WRITE_DELAY=0 would be durable too, but it stops the
     * background thread and with it all compaction: the file then grows by tens of KB per commit.
     */
    H2("MERGE INTO conditional_lock (lock_key) KEY (lock_key) VALUES (?)", "CHECKPOINT",
            "INSERT INTO used_once (use_key, expires_at) VALUES (?, ?)", true),
    /** PostgreSQL's commit is durable by itself (WAL). */
    POSTGRESQL("INSERT INTO conditional_lock (lock_key) VALUES (?) ON CONFLICT DO NOTHING", null,
            "INSERT INTO used_once (use_key, expires_at) VALUES (?, ?) ON CONFLICT DO NOTHING", false);

    final String ensureLockRow;
    /** Run after the commit of a transaction that wrote, before it is acknowledged; null = none. */
    final String afterWriteCommit;
    /**
     * Records a single-use key: one row inserted when it is new; a key already there is 0 rows on PostgreSQL (which
     * would abort the transaction on a key violation) and a key violation on H2 (which does not).
     */
    final String insertOnce;
    /** Whether a search joins its index criteria rather than testing each by IN (see {@link SqlSearchBuilder}). */
    final boolean joinSearchCriteria;

    SqlDialect(String ensureLockRow, String afterWriteCommit, String insertOnce, boolean joinSearchCriteria) {
        this.ensureLockRow = ensureLockRow;
        this.afterWriteCommit = afterWriteCommit;
        this.insertOnce = insertOnce;
        this.joinSearchCriteria = joinSearchCriteria;
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
