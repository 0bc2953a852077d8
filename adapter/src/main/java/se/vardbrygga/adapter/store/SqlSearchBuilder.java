package se.vardbrygga.adapter.store;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import se.vardbrygga.adapter.search.Criterion;
import se.vardbrygga.adapter.search.Criterion.DateCondition;
import se.vardbrygga.adapter.search.SearchQuery;

/**
 * Translates a {@link SearchQuery} into one portable SQL WHERE clause over {@code resource_current r}
 * (alias {@code r}), with its bind values. Each criterion becomes an {@code r.pid IN (...)} over one
 * index table, so the database can use the (res_type, param, value) indexes.
 */
final class SqlSearchBuilder {
    private final StringBuilder where = new StringBuilder("r.res_type = ?");
    private final List<Object> binds = new ArrayList<>();

    SqlSearchBuilder(String resourceType, List<Criterion> criteria) {
        binds.add(resourceType);
        for (Criterion c : criteria) {
            where.append(" AND ");
            append(resourceType, c);
        }
    }

    String where() {
        return where.toString();
    }

    List<Object> binds() {
        return binds;
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
            where.append(t.negated() ? "r.pid NOT IN (" : "r.pid IN (");
            indexSubquery("idx_token", type, t.param());
            anyOf(t.anyOf(), v -> {
                List<String> parts = new ArrayList<>();
                if (v.code() != null) {
                    parts.add(bind("x.token_code = ?", v.code()));
                }
                if (v.system() != null) {
                    parts.add(bind("x.token_system = ?", v.system()));
                } else if (v.requireNoSystem()) {
                    parts.add("x.token_system IS NULL");
                }
                return parts.isEmpty() ? "1 = 1" : String.join(" AND ", parts);
            });
            where.append(")");
        } else if (c instanceof Criterion.Texts t) {
            where.append("r.pid IN (");
            indexSubquery("idx_string", type, t.param());
            anyOf(t.anyOf(), v -> switch (t.match()) {
                case EXACT -> bind("x.value_exact = ?", v);
                case STARTS_WITH -> bind("x.value_norm LIKE ? ESCAPE '\\'", escapeLike(v) + "%");
                case CONTAINS -> bind("x.value_norm LIKE ? ESCAPE '\\'", "%" + escapeLike(v) + "%");
            });
            where.append(")");
        } else if (c instanceof Criterion.References refs) {
            where.append("r.pid IN (");
            indexSubquery("idx_reference", type, refs.param());
            anyOf(refs.anyOf(), v -> v.type() == null
                    ? bind("x.target_id = ?", v.id())
                    : bind("x.target_id = ?", v.id()) + " AND " + bind("x.target_type = ?", v.type()));
            where.append(")");
        } else if (c instanceof Criterion.Dates d) {
            where.append("r.pid IN (");
            indexSubquery("idx_date", type, d.param());
            anyOf(d.anyOf(), cond -> date("x.date_low", "x.date_high", cond));
            where.append(")");
        }
    }

    private void indexSubquery(String table, String type, String param) {
        where.append("SELECT x.pid FROM ").append(table).append(" x WHERE x.res_type = ? AND x.param = ? AND ");
        binds.add(type);
        binds.add(param);
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
