package se.vardbrygga.adapter.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import se.vardbrygga.adapter.search.IndexEntry;
import se.vardbrygga.adapter.search.SearchQuery;

/** A {@link StoreSession} on one JDBC connection whose transaction the store opened. */
final class JdbcStoreSession implements StoreSession {
    private final Connection connection;
    private final SqlDialect dialect;
    private boolean wrote;

    JdbcStoreSession(Connection connection, SqlDialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    /** Whether this transaction wrote resources (and so needs a durable commit). */
    boolean wrote() {
        return wrote;
    }

    @Override
    public Optional<StoredResource> read(String type, String id) {
        return query("SELECT res_id, res_version, last_updated, content FROM resource_current WHERE res_type = ? AND res_id = ?",
                List.of(type, id), type).stream().findFirst();
    }

    @Override
    public Optional<StoredResource> readVersion(String type, String id, int version) {
        return query("SELECT c.res_id, v.res_version, v.last_updated, v.content FROM resource_version v"
                        + " JOIN resource_current c ON c.pid = v.pid WHERE c.res_type = ? AND c.res_id = ? AND v.res_version = ?",
                List.of(type, id, version), type).stream().findFirst();
    }

    @Override
    public List<StoredResource> history(String type, String id) {
        return query("SELECT c.res_id, v.res_version, v.last_updated, v.content FROM resource_version v"
                        + " JOIN resource_current c ON c.pid = v.pid WHERE c.res_type = ? AND c.res_id = ?"
                        + " ORDER BY v.res_version DESC",
                List.of(type, id), type);
    }

    @Override
    public Optional<Integer> lockCurrentVersion(String type, String id) {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT res_version FROM resource_current WHERE res_type = ? AND res_id = ? FOR UPDATE")) {
            ps.setString(1, type);
            ps.setString(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getInt(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreFailure("lock failed", e);
        }
    }

    @Override
    public void insert(StoredResource r, Collection<IndexEntry> index) {
        wrote = true;
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO resource_current (res_type, res_id, res_version, last_updated, content) VALUES (?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, r.type());
            ps.setString(2, r.id());
            ps.setInt(3, r.version());
            ps.setLong(4, r.lastUpdated().toEpochMilli());
            ps.setString(5, r.json());
            ps.executeUpdate();
            long pid;
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                pid = keys.getLong(1);
            }
            insertVersion(pid, r);
            insertIndex(pid, r.type(), index);
        } catch (SQLException e) {
            throw new StoreFailure("insert failed", e);
        }
    }

    @Override
    public void update(StoredResource r, Collection<IndexEntry> index) {
        wrote = true;
        try {
            long pid;
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT pid FROM resource_current WHERE res_type = ? AND res_id = ?")) {
                ps.setString(1, r.type());
                ps.setString(2, r.id());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new StoreFailure("update of a missing resource", null);
                    }
                    pid = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = connection.prepareStatement(
                    "UPDATE resource_current SET res_version = ?, last_updated = ?, content = ? WHERE pid = ?")) {
                ps.setInt(1, r.version());
                ps.setLong(2, r.lastUpdated().toEpochMilli());
                ps.setString(3, r.json());
                ps.setLong(4, pid);
                ps.executeUpdate();
            }
            insertVersion(pid, r);
            for (String table : List.of("idx_token", "idx_string", "idx_reference", "idx_date")) {
                try (PreparedStatement ps = connection.prepareStatement("DELETE FROM " + table + " WHERE pid = ?")) {
                    ps.setLong(1, pid);
                    ps.executeUpdate();
                }
            }
            insertIndex(pid, r.type(), index);
        } catch (SQLException e) {
            throw new StoreFailure("update failed", e);
        }
    }

    @Override
    public List<StoredResource> search(String type, SearchQuery q) {
        SqlSearchBuilder sql = new SqlSearchBuilder(type, q.criteria());
        List<Object> binds = new ArrayList<>(sql.binds());
        binds.add(q.count());
        binds.add(q.offset());
        return query("SELECT r.res_id, r.res_version, r.last_updated, r.content FROM resource_current r WHERE "
                + sql.where() + SqlSearchBuilder.orderBy(q.sort()) + " LIMIT ? OFFSET ?", binds, type);
    }

    @Override
    public int count(String type, SearchQuery q) {
        SqlSearchBuilder sql = new SqlSearchBuilder(type, q.criteria());
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT COUNT(*) FROM resource_current r WHERE " + sql.where())) {
            bind(ps, sql.binds());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new StoreFailure("count failed", e);
        }
    }

    @Override
    public void lockCriteria(String key) {
        try {
            try (PreparedStatement ps = connection.prepareStatement(dialect.ensureLockRow)) {
                ps.setString(1, key);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT lock_key FROM conditional_lock WHERE lock_key = ? FOR UPDATE")) {
                ps.setString(1, key);
                ps.executeQuery().close();
            }
        } catch (SQLException e) {
            throw new StoreFailure("criteria lock failed", e);
        }
    }

    private void insertVersion(long pid, StoredResource r) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO resource_version (pid, res_version, last_updated, content) VALUES (?, ?, ?, ?)")) {
            ps.setLong(1, pid);
            ps.setInt(2, r.version());
            ps.setLong(3, r.lastUpdated().toEpochMilli());
            ps.setString(4, r.json());
            ps.executeUpdate();
        }
    }

    private void insertIndex(long pid, String type, Collection<IndexEntry> index) throws SQLException {
        try (IndexBatch tokens = new IndexBatch(connection,
                "INSERT INTO idx_token (pid, res_type, param, token_system, token_code) VALUES (?, ?, ?, ?, ?)");
             IndexBatch strings = new IndexBatch(connection,
                "INSERT INTO idx_string (pid, res_type, param, value_norm, value_exact) VALUES (?, ?, ?, ?, ?)");
             IndexBatch refs = new IndexBatch(connection,
                "INSERT INTO idx_reference (pid, res_type, param, target_type, target_id) VALUES (?, ?, ?, ?, ?)");
             IndexBatch dates = new IndexBatch(connection,
                "INSERT INTO idx_date (pid, res_type, param, date_low, date_high) VALUES (?, ?, ?, ?, ?)")) {
            for (IndexEntry e : index) {
                if (e instanceof IndexEntry.Token t) {
                    tokens.add(pid, type, t.param(), t.system(), t.code());
                } else if (e instanceof IndexEntry.Text t) {
                    strings.add(pid, type, t.param(), t.normalized(), t.exact());
                } else if (e instanceof IndexEntry.Ref t) {
                    refs.add(pid, type, t.param(), t.targetType(), t.targetId());
                } else if (e instanceof IndexEntry.DateRange t) {
                    dates.add(pid, type, t.param(), t.low(), t.high());
                }
            }
        }
    }

    private List<StoredResource> query(String sql, List<?> binds, String type) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            bind(ps, binds);
            try (ResultSet rs = ps.executeQuery()) {
                List<StoredResource> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new StoredResource(type, rs.getString(1), rs.getInt(2),
                            Instant.ofEpochMilli(rs.getLong(3)), rs.getString(4)));
                }
                return out;
            }
        } catch (SQLException e) {
            throw new StoreFailure("query failed", e);
        }
    }

    private static void bind(PreparedStatement ps, List<?> binds) throws SQLException {
        for (int i = 0; i < binds.size(); i++) {
            Object v = binds.get(i);
            if (v instanceof String s) {
                ps.setString(i + 1, s);
            } else if (v instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else if (v instanceof Long n) {
                ps.setLong(i + 1, n);
            } else {
                throw new IllegalArgumentException("unsupported bind type");
            }
        }
    }

    /** A lazily prepared batch insert of index rows with (pid, res_type, param, a, b) columns. */
    private static final class IndexBatch implements AutoCloseable {
        private final Connection connection;
        private final String sql;
        private PreparedStatement statement;

        IndexBatch(Connection connection, String sql) {
            this.connection = connection;
            this.sql = sql;
        }

        void add(long pid, String type, String param, Object a, Object b) throws SQLException {
            if (statement == null) {
                statement = connection.prepareStatement(sql);
            }
            statement.setLong(1, pid);
            statement.setString(2, type);
            statement.setString(3, param);
            setNullable(4, a);
            setNullable(5, b);
            statement.addBatch();
        }

        private void setNullable(int index, Object v) throws SQLException {
            if (v == null) {
                statement.setNull(index, Types.VARCHAR);
            } else if (v instanceof Long n) {
                statement.setLong(index, n);
            } else {
                statement.setString(index, (String) v);
            }
        }

        @Override
        public void close() throws SQLException {
            if (statement != null) {
                try {
                    statement.executeBatch();
                } finally {
                    statement.close();
                }
            }
        }
    }
}
