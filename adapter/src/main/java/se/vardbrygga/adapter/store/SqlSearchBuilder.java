package se.vardbrygga.adapter.store;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import se.vardbrygga.adapter.search.Criterion;
import se.vardbrygga.adapter.search.Criterion.DateCondition;
import se.vardbrygga.adapter.search.IndexEntry;
import se.vardbrygga.adapter.search.SearchQuery;

/**
 * Translates a {@link SearchQuery} into portable SQL over {@code resource_current r}, with its bind values. A criterion
 * on one index parameter at the top level is, on H2, a JOIN of that index table ({@link #from}) and, on PostgreSQL, an
 * {@code r.pid IN (SELECT ...)}; the rest (ids, _lastUpdated, alternatives, negations, the caller's reach into a
 * patient's resources) are conditions in {@link #where}, an alternative or a negation on an index a correlated
 * {@code EXISTS}. With joins a resource with several matching entries appears once per match: callers count
 * {@code DISTINCT r.pid} and page over distinct pids ({@link #joined}).
 *
 * <p>Why two forms: PostgreSQL plans each IN as a semi-join and counts with a plain {@code COUNT(*)}. H2 checks a
 * second IN row by row against the subquery's cached result and drops that cache whenever another transaction changes
 * the index tables — every request writes an AuditEvent, so under load an inbox search ran each subquery again for
 * every candidate row (0.5–3 s for 600 Tasks, measured with the load mode; the same count as correlated EXISTS 220 ms,
 * as joins 7 ms). In a lookup by id (a read, and the access checks of every write) the id drives and every criterion
 * is an {@code EXISTS}.
 */
final class SqlSearchBuilder {
    private final StringBuilder joins = new StringBuilder();
    private final List<Object> joinBinds = new ArrayList<>();
    private final StringBuilder conditions = new StringBuilder("r.res_type = ?");
    private final List<Object> conditionBinds = new ArrayList<>();
    private final boolean byId;
    /** Where the criterion being built goes (the joins or the conditions), its binds, and its index table's alias. */
    private StringBuilder where = conditions;
    private List<Object> binds = conditionBinds;
    private String alias = "x";
    /** Inside an OR of alternatives nothing is joined: each alternative is an EXISTS. */
    private int nesting;

    /**
     * @param joinIndexes whether the criteria on an index are joins (H2) or each {@code r.pid IN (SELECT ...)}
     *                    (PostgreSQL, which plans those as semi-joins: a plain {@code COUNT(*)}, no DISTINCT)
     */
    SqlSearchBuilder(String resourceType, List<Criterion> criteria, boolean joinIndexes) {
        this.byId = criteria.stream().anyMatch(Criterion.Ids.class::isInstance);
        conditionBinds.add(resourceType);
        int joined = 0;
        for (Criterion c : criteria) {
            if (joinIndexes && !byId && joinable(c)) {
                where = joins;
                binds = joinBinds;
                alias = "j" + ++joined;
                append(resourceType, c);
                where = conditions;
                binds = conditionBinds;
                alias = "x";
            } else {
                conditions.append(" AND ");
                append(resourceType, c);
            }
        }
    }

    private static boolean joinable(Criterion c) {
        return c instanceof Criterion.Tokens t && !t.negated() || c instanceof Criterion.Texts || c instanceof Criterion.References
                || c instanceof Criterion.PartyOf || c instanceof Criterion.Dates;
    }

    /** {@code resource_current r} and the joins of the index criteria. */
    String from() {
        return "resource_current r" + joins;
    }

    /** The conditions, after {@code WHERE}. */
    String where() {
        return conditions.toString();
    }

    /** The binds of {@link #from} and then of {@link #where}. */
    List<Object> binds() {
        List<Object> all = new ArrayList<>(joinBinds);
        all.addAll(conditionBinds);
        return all;
    }

    /** Whether {@link #from} joins anything (else a row of it is a resource once). */
    boolean joined() {
        return joins.length() > 0;
    }

    static String orderBy(SearchQuery.Sort sort) {
        return switch (sort) {
            case INSERTION -> " ORDER BY r.pid";
            case LAST_UPDATED_ASC -> " ORDER BY r.last_updated, r.pid";
            case LAST_UPDATED_DESC -> " ORDER BY r.last_updated DESC, r.pid DESC";
        };
    }

    private void append(String type, Criterion c) {
        if (c instanceof Criterion.Ids ids) {
            StringJoiner in = new StringJoiner(", ", "r.res_id IN (", ")");
            ids.anyOf().forEach(id -> in.add(bind("?", id)));
            where.append(in);
        } else if (c instanceof Criterion.LastUpdated lu) {
            anyOf(lu.anyOf(), d -> date("r.last_updated", "r.last_updated", d));
        } else if (c instanceof Criterion.Tokens t) {
            openIndex("idx_token", type, t.param(), t.negated());
            anyOf(t.anyOf(), v -> {
                List<String> parts = new ArrayList<>();
                if (v.code() != null) {
                    parts.add(bind(col("token_code") + " = ?", v.code()));
                }
                if (v.system() != null) {
                    parts.add(bind(col("token_system") + " = ?", v.system()));
                } else if (v.requireNoSystem()) {
                    parts.add(col("token_system") + " IS NULL");
                }
                return parts.isEmpty() ? "1 = 1" : String.join(" AND ", parts);
            });
            where.append(")");
        } else if (c instanceof Criterion.Texts t) {
            openIndex("idx_string", type, t.param(), false);
            anyOf(t.anyOf(), v -> switch (t.match()) {
                case EXACT -> bind(col("value_exact") + " = ?", v);
                case STARTS_WITH -> bind(col("value_norm") + " LIKE ? ESCAPE '\\'", escapeLike(v) + "%");
                case CONTAINS -> bind(col("value_norm") + " LIKE ? ESCAPE '\\'", "%" + escapeLike(v) + "%");
            });
            where.append(")");
        } else if (c instanceof Criterion.References refs) {
            openIndex("idx_reference", type, refs.param(), false);
            anyOf(refs.anyOf(), v -> v.type() == null
                    ? bind(col("target_id") + " = ?", v.id())
                    : bind(col("target_id") + " = ?", v.id()) + " AND " + bind(col("target_type") + " = ?", v.type()));
            where.append(")");
        } else if (c instanceof Criterion.PartyOf party) {
            openIndex("idx_token", type, IndexEntry.PARTY, false);
            where.append(bind(col("token_code") + " = ?", party.unit())).append(")");
        } else if (c instanceof Criterion.CareRelationOf relation) {
            StringJoiner types = new StringJoiner(", ", "x.res_type IN (", ")");
            relation.types().forEach(t -> types.add(bind("?", t)));
            where.append(byId ? "EXISTS (SELECT 1" : "r.res_id IN (SELECT x.target_id")
                    .append(" FROM idx_reference x JOIN idx_token p ON p.pid = x.pid WHERE ")
                    .append(types).append(" AND x.param = 'patient' AND x.target_type = 'Patient' AND p.res_type = x.res_type")
                    .append(" AND p.param = '").append(IndexEntry.PARTY).append("' AND ")
                    .append(bind("p.token_code = ?", relation.unit())).append(byId ? " AND x.target_id = r.res_id)" : ")");
        } else if (c instanceof Criterion.ConsentGrants grants) {
            if (type.equals("Patient")) {
                where.append("r.res_id IN (");
            } else {
                // only ever an alternative (a unit's reach into a patient's resources), so it drives nothing
                where.append("r.pid IN (SELECT x.pid FROM idx_reference x WHERE ").append(bind("x.res_type = ?", type))
                        .append(" AND x.param = 'patient' AND x.target_id IN (");
            }
            where.append("SELECT c.target_id FROM idx_reference c")
                    .append(" JOIN idx_token g ON g.pid = c.pid JOIN idx_token s ON s.pid = c.pid")
                    .append(" WHERE c.res_type = 'Consent' AND c.param = 'patient'")
                    .append(" AND g.res_type = 'Consent' AND g.param = '").append(IndexEntry.GRANTEE).append("' AND ")
                    .append(bind("g.token_code = ?", grants.unit()))
                    .append(" AND s.res_type = 'Consent' AND s.param = 'status' AND s.token_code = 'active'")
                    .append(" AND c.pid NOT IN (SELECT d.pid FROM idx_date d WHERE d.res_type = 'Consent' AND d.param = 'period'")
                    .append(" AND (").append(bind("d.date_high < ?", grants.at())).append(" OR ")
                    .append(bind("d.date_low > ?", grants.at())).append(")))");
            if (!type.equals("Patient")) {
                where.append(")");
            }
        } else if (c instanceof Criterion.AnyOf any && any.alternatives().isEmpty()) {
            where.append("1 = 0");
        } else if (c instanceof Criterion.AnyOf any) {
            where.append("(");
            nesting++;
            for (int i = 0; i < any.alternatives().size(); i++) {
                where.append(i == 0 ? "" : " OR ");
                append(type, any.alternatives().get(i));
            }
            nesting--;
            where.append(")");
        } else if (c instanceof Criterion.Nothing) {
            where.append("1 = 0");
        } else if (c instanceof Criterion.Dates d) {
            openIndex("idx_date", type, d.param(), false);
            anyOf(d.anyOf(), cond -> date(col("date_low"), col("date_high"), cond));
            where.append(")");
        }
    }

    /**
     * Opens one criterion on an index table, up to its value conditions (the caller appends them and the closing
     * parenthesis): a JOIN when it is joined, an {@code r.pid IN} at the top level, else a correlated EXISTS.
     */
    private void openIndex(String table, String type, String param, boolean negated) {
        if (where == joins) {
            where.append(" JOIN ").append(table).append(' ').append(alias).append(" ON (").append(alias).append(".pid = r.pid AND ");
        } else if (nesting == 0 && !negated && !byId) {
            where.append("r.pid IN (SELECT x.pid FROM ").append(table).append(" x WHERE ");
        } else {
            where.append(negated ? "NOT EXISTS" : "EXISTS").append(" (SELECT 1 FROM ").append(table).append(" x WHERE x.pid = r.pid AND ");
        }
        where.append(col("res_type")).append(" = ? AND ").append(col("param")).append(" = ? AND ");
        binds.add(type);
        binds.add(param);
    }

    /** A column of the index table of the criterion being built. */
    private String col(String name) {
        return alias + "." + name;
    }

    private <T> void anyOf(List<T> values, java.util.function.Function<T, String> clause) {
        StringJoiner or = new StringJoiner(" OR ", "(", ")");
        for (T v : values) {
            or.add("(" + clause.apply(v) + ")");
        }
        where.append(or);
    }

    private String bind(String sql, Object value) {
        binds.add(value);
        return sql;
    }

    /** FHIR R4 3.1.1.5.6: how a prefixed search range compares with a target range [low, high]. */
    private String date(String low, String high, DateCondition c) {
        return switch (c.prefix()) {
            case EQ -> bind(low + " >= ?", c.low()) + " AND " + bind(high + " <= ?", c.high());
            case NE -> "NOT (" + bind(low + " >= ?", c.low()) + " AND " + bind(high + " <= ?", c.high()) + ")";
            case GT -> bind(high + " > ?", c.high());
            case LT -> bind(low + " < ?", c.low());
            case GE -> bind(high + " >= ?", c.low());
            case LE -> bind(low + " <= ?", c.high());
            case SA -> bind(low + " > ?", c.high());
            case EB -> bind(high + " < ?", c.low());
            case AP -> bind(low + " <= ?", c.high()) + " AND " + bind(high + " >= ?", c.low());
        };
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
