package se.vardbrygga.adapter.store;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import se.vardbrygga.adapter.search.Criterion;
import se.vardbrygga.adapter.search.Criterion.DateCondition;
import se.vardbrygga.adapter.search.IndexEntry;
import se.vardbrygga.adapter.search.SearchQuery;

/**
 * Translates a {@link SearchQuery} into one portable SQL WHERE clause over {@code resource_current r}
 * (alias {@code r}), with its bind values. Each criterion becomes an {@code r.pid IN (...)} over one
 * index table, so the database can use the (res_type, param, value) indexes. In a lookup by id (a read, and the
 * access checks of every write) the caller's unit criteria are correlated {@code EXISTS} on the row's own index
 * entries instead: an IN over every resource naming the unit would grow with the data (H2 scans it per row).
 */
final class SqlSearchBuilder {
    private final StringBuilder where = new StringBuilder("r.res_type = ?");
    private final List<Object> binds = new ArrayList<>();
    private final boolean byId;

    SqlSearchBuilder(String resourceType, List<Criterion> criteria) {
        this.byId = criteria.stream().anyMatch(Criterion.Ids.class::isInstance);
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
        } else if (c instanceof Criterion.PartyOf party) {
            where.append(byId ? "EXISTS (SELECT 1 FROM idx_token x WHERE x.pid = r.pid AND " : "r.pid IN (SELECT x.pid FROM idx_token x WHERE ");
            where.append(bind("x.res_type = ?", type)).append(" AND ").append(bind("x.param = ?", IndexEntry.PARTY))
                    .append(" AND ").append(bind("x.token_code = ?", party.unit())).append(")");
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
                where.append("r.pid IN (");
                indexSubquery("idx_reference", type, "patient");
                where.append("x.target_id IN (");
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
            for (int i = 0; i < any.alternatives().size(); i++) {
                where.append(i == 0 ? "" : " OR ");
                append(type, any.alternatives().get(i));
            }
            where.append(")");
        } else if (c instanceof Criterion.Nothing) {
            where.append("1 = 0");
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
