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
import java.util.StringJoiner;
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

    private boolean enqueued;

    /** Whether this transaction added outbox rows. */
    boolean enqueued() {
        return enqueued;
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
        SqlSearchBuilder sql = new SqlSearchBuilder(type, q.criteria(), dialect.joinSearchCriteria);
        List<Object> binds = new ArrayList<>(sql.binds());
        binds.add(q.count());
        binds.add(q.offset());
        if (!sql.joined()) {
            return query("SELECT r.res_id, r.res_version, r.last_updated, r.content FROM resource_current r WHERE "
                    + sql.where() + SqlSearchBuilder.orderBy(q.sort()) + " LIMIT ? OFFSET ?", binds, type);
        }
        // The page's rows first (a resource matched through several index entries once), then their content: one
        // query with the join inside an IN would have H2 run the join again for every row it orders (SqlSearchBuilder).
        List<Long> pids = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT DISTINCT r.pid, r.res_id, r.last_updated FROM " + sql.from()
                + " WHERE " + sql.where() + SqlSearchBuilder.orderBy(q.sort()) + " LIMIT ? OFFSET ?")) {
            bind(ps, binds);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    pids.add(rs.getLong(1));
                    ids.add(rs.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new StoreFailure("query failed", e);
        }
        if (pids.isEmpty()) {
            return List.of();
        }
        StringJoiner in = new StringJoiner(", ", "r.pid IN (", ")");
        pids.forEach(pid -> in.add("?"));
        java.util.Map<String, StoredResource> byId = new java.util.HashMap<>();
        query("SELECT r.res_id, r.res_version, r.last_updated, r.content FROM resource_current r WHERE " + in, pids, type)
                .forEach(r -> byId.put(r.id(), r));
        return ids.stream().map(byId::get).toList();
    }

    @Override
    public int count(String type, SearchQuery q) {
        SqlSearchBuilder sql = new SqlSearchBuilder(type, q.criteria(), dialect.joinSearchCriteria);
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT " + (sql.joined() ? "COUNT(DISTINCT r.pid)" : "COUNT(*)") + " FROM " + sql.from() + " WHERE " + sql.where())) {
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

    @Override
    public boolean useOnce(String key, long expiresAt, long now) {
        wrote = true;
        try {
            try (PreparedStatement ps = connection.prepareStatement("DELETE FROM used_once WHERE expires_at < ?")) {
                ps.setLong(1, now);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = connection.prepareStatement(dialect.insertOnce)) {
                ps.setString(1, key);
                ps.setLong(2, expiresAt);
                return ps.executeUpdate() == 1;
            } catch (SQLException e) {
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    return false;
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreFailure("single-use key not recorded", e);
        }
    }

    @Override
    public String serverKey(String name, java.util.function.Supplier<String> made) {
        lockCriteria("server-key:" + name); // nodes starting at once: one makes the key, the others read it
        try {
            try (PreparedStatement ps = connection.prepareStatement("SELECT jwk FROM server_key WHERE key_name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return rs.getString(1);
                    }
                }
            }
            String key = made.get();
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO server_key (key_name, jwk) VALUES (?, ?)")) {
                ps.setString(1, name);
                ps.setString(2, key);
                ps.executeUpdate();
            }
            wrote = true;
            return key;
        } catch (SQLException e) {
            throw new StoreFailure("server key not read", e);
        }
    }

    /** SQLState of a unique key violation, on H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";

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

    private static final String OUTBOX_COLUMNS = "id, message_id, res_type, res_id, res_version, channel, unit_ref, endpoint_ref, "
            + "rules, status, attempts, next_attempt, created, delivered, last_error, fallback_sent, mail_pending";

    @Override
    public void enqueue(OutboxEntry e) {
        wrote = true;
        enqueued |= e.status() == OutboxEntry.Status.PENDING;
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO outbox (message_id, res_type, res_id, res_version, "
                + "channel, unit_ref, endpoint_ref, rules, status, attempts, next_attempt, created, delivered, last_error) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, e.messageId());
            ps.setString(2, e.resourceType());
            ps.setString(3, e.resourceId());
            ps.setInt(4, e.resourceVersion());
            ps.setString(5, e.channel());
            ps.setString(6, e.unit());
            ps.setString(7, e.endpoint());
            ps.setString(8, e.rules());
            ps.setString(9, e.status().name());
            ps.setInt(10, e.attempts());
            ps.setLong(11, e.nextAttempt());
            ps.setLong(12, e.created());
            if (e.delivered() == null) {
                ps.setNull(13, Types.BIGINT);
            } else {
                ps.setLong(13, e.delivered());
            }
            ps.setString(14, truncate(e.lastError()));
            ps.executeUpdate();
        } catch (SQLException ex) {
            throw new StoreFailure("enqueue failed", ex);
        }
    }

    @Override
    public List<OutboxEntry> claimDue(long now, int limit) {
        return outboxQuery("SELECT " + OUTBOX_COLUMNS + " FROM outbox WHERE status IN ('PENDING', 'FALLBACK_SENT') AND next_attempt <= ? "
                + "ORDER BY next_attempt, id FETCH FIRST " + limit + " ROWS ONLY FOR UPDATE SKIP LOCKED", List.of(now));
    }

    @Override
    public void recordAttempt(long id, OutboxEntry.Status status, int attempts, long nextAttempt, Long delivered, String error) {
        wrote = true;
        try (PreparedStatement ps = connection.prepareStatement(
                "UPDATE outbox SET status = ?, attempts = ?, next_attempt = ?, delivered = ?, last_error = ? WHERE id = ?")) {
            ps.setString(1, status.name());
            ps.setInt(2, attempts);
            ps.setLong(3, nextAttempt);
            if (delivered == null) {
                ps.setNull(4, Types.BIGINT);
            } else {
                ps.setLong(4, delivered);
            }
            ps.setString(5, truncate(error));
            ps.setLong(6, id);
            ps.executeUpdate();
        } catch (SQLException ex) {
            throw new StoreFailure("outbox update failed", ex);
        }
    }

    @Override
    public void recordFallback(long id, int attempts, long nextAttempt, long sentAt, String detail, boolean mailPending) {
        wrote = true;
        try (PreparedStatement ps = connection.prepareStatement("UPDATE outbox SET status = 'FALLBACK_SENT', attempts = ?, "
                + "next_attempt = ?, fallback_sent = ?, last_error = ?, mail_pending = ? WHERE id = ?")) {
            ps.setInt(1, attempts);
            ps.setLong(2, nextAttempt);
            ps.setLong(3, sentAt);
            ps.setString(4, truncate(detail));
            ps.setBoolean(5, mailPending);
            ps.setLong(6, id);
            ps.executeUpdate();
        } catch (SQLException ex) {
            throw new StoreFailure("outbox update failed", ex);
        }
    }

    @Override
    public void recordOutageMailSent(long id) {
        wrote = true;
        try (PreparedStatement ps = connection.prepareStatement("UPDATE outbox SET mail_pending = FALSE WHERE id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        } catch (SQLException ex) {
            throw new StoreFailure("outbox update failed", ex);
        }
    }

    @Override
    public List<OutboxEntry> outbox(OutboxEntry.Status status, String resource, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + OUTBOX_COLUMNS + " FROM outbox WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (status != null) {
            sql.append(" AND status = ?");
            params.add(status.name());
        }
        if (resource != null && resource.contains("/")) {
            sql.append(" AND res_type = ? AND res_id = ?");
            params.add(resource.substring(0, resource.indexOf('/')));
            params.add(resource.substring(resource.indexOf('/') + 1));
        }
        sql.append(" ORDER BY id DESC FETCH FIRST ").append(limit).append(" ROWS ONLY");
        return outboxQuery(sql.toString(), params);
    }

    @Override
    public boolean replay(long id, long now) {
        wrote = true;
        try (PreparedStatement ps = connection.prepareStatement("UPDATE outbox SET status = 'PENDING', attempts = 0, "
                + "next_attempt = ?, last_error = NULL WHERE id = ? AND status = 'DEAD'")) {
            ps.setLong(1, now);
            ps.setLong(2, id);
            return ps.executeUpdate() == 1;
        } catch (SQLException ex) {
            throw new StoreFailure("outbox replay failed", ex);
        }
    }

    @Override
    public java.util.Map<OutboxEntry.Status, Integer> outboxCounts() {
        java.util.Map<OutboxEntry.Status, Integer> counts = new java.util.EnumMap<>(OutboxEntry.Status.class);
        for (OutboxEntry.Status s : OutboxEntry.Status.values()) {
            counts.put(s, 0);
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT status, COUNT(*) FROM outbox GROUP BY status");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                counts.put(OutboxEntry.Status.valueOf(rs.getString(1)), rs.getInt(2));
            }
        } catch (SQLException ex) {
            throw new StoreFailure("outbox count failed", ex);
        }
        return counts;
    }

    private List<OutboxEntry> outboxQuery(String sql, List<Object> params) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            List<OutboxEntry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long delivered = rs.getLong(14);
                    Long deliveredAt = rs.wasNull() ? null : delivered;
                    long fallback = rs.getLong(16);
                    Long fallbackAt = rs.wasNull() ? null : fallback;
                    out.add(new OutboxEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                            OutboxEntry.Status.valueOf(rs.getString(10)), rs.getInt(11), rs.getLong(12), rs.getLong(13),
                            deliveredAt, rs.getString(15), fallbackAt, rs.getBoolean(17)));
                }
            }
            return out;
        } catch (SQLException ex) {
            throw new StoreFailure("outbox query failed", ex);
        }
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
    }
}
