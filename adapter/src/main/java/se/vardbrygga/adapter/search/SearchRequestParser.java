package se.vardbrygga.adapter.search;

import static se.vardbrygga.adapter.fhir.Outcomes.invalid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import se.vardbrygga.adapter.search.Criterion.DateCondition;
import se.vardbrygga.adapter.search.Criterion.DatePrefix;
import se.vardbrygga.adapter.search.Criterion.ReferenceValue;
import se.vardbrygga.adapter.search.Criterion.TextMatch;
import se.vardbrygga.adapter.search.Criterion.TokenValue;

/**
 * Parses FHIR search parameters (as HAPI hands them over: name to repeated values) into a
 * {@link SearchRequest}. An unknown parameter or modifier is a 400 naming it, unless the client asked
 * for {@code Prefer: handling=lenient}, in which case it is ignored (FHIR R4 3.1.1.4).
 */
public final class SearchRequestParser {
    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 500;

    /** Result parameters that HAPI or this parser handle besides the search parameters. */
    private static final Set<String> IGNORED = Set.of("_format", "_pretty", "_elements", "_total");

    private final SearchParamRegistry registry;

    public SearchRequestParser(SearchParamRegistry registry) {
        this.registry = registry;
    }

    public SearchRequest parse(String resourceType, Map<String, String[]> parameters, boolean lenient) {
        List<Criterion> criteria = new ArrayList<>();
        List<SearchParamDef> includes = new ArrayList<>();
        SearchQuery.Sort sort = SearchQuery.Sort.INSERTION;
        int count = DEFAULT_PAGE_SIZE;
        int offset = 0;
        boolean countOnly = false;

        for (Map.Entry<String, String[]> entry : parameters.entrySet()) {
            String key = entry.getKey();
            for (String raw : entry.getValue()) {
                switch (key) {
                    case "_count" -> count = Math.min(nonNegativeInt(key, raw), MAX_PAGE_SIZE);
                    case "_offset" -> offset = nonNegativeInt(key, raw);
                    case "_sort" -> sort = parseSort(raw);
                    case "_summary" -> countOnly |= parseSummary(raw);
                    case "_include" -> parseInclude(resourceType, raw, lenient, includes);
                    default -> {
                        if (!IGNORED.contains(key)) {
                            Criterion c = parseCriterion(resourceType, key, raw, lenient);
                            if (c != null) {
                                criteria.add(c);
                            }
                        }
                    }
                }
            }
        }
        if (count == 0) {
            countOnly = true;
        }
        return new SearchRequest(new SearchQuery(List.copyOf(criteria), sort, offset, count), List.copyOf(includes),
                countOnly);
    }

    /** Parses the criteria of a conditional URL such as {@code identifier=sys|val} (If-None-Exist). */
    public List<Criterion> parseCriteria(String resourceType, Map<String, String[]> parameters) {
        SearchRequest request = parse(resourceType, parameters, false);
        if (request.query().criteria().isEmpty()) {
            throw invalid("A conditional request needs at least one search parameter", "If-None-Exist");
        }
        return request.query().criteria();
    }

    private Criterion parseCriterion(String resourceType, String key, String raw, boolean lenient) {
        int colon = key.indexOf(':');
        String name = colon < 0 ? key : key.substring(0, colon);
        String modifier = colon < 0 ? null : key.substring(colon + 1);
        if (name.equals(SearchParamRegistry.ID) || name.equals(SearchParamRegistry.LAST_UPDATED)) {
            if (modifier != null) {
                return unsupportedModifier(key, lenient);
            }
            List<String> values = splitOr(raw);
            if (values.isEmpty()) {
                return null;
            }
            return name.equals(SearchParamRegistry.ID)
                    ? new Criterion.Ids(values)
                    : new Criterion.LastUpdated(values.stream().map(v -> parseDate(key, v)).toList());
        }
        SearchParamDef def = registry.find(resourceType, name).orElse(null);
        if (def == null) {
            if (lenient) {
                return null;
            }
            throw invalid("Unknown search parameter '" + name + "' for resource type " + resourceType
                    + "; supported are listed in /metadata (or send Prefer: handling=lenient)", key);
        }
        List<String> values = splitOr(raw);
        if (values.isEmpty()) {
            return null;
        }
        return switch (def.type()) {
            case TOKEN -> {
                if (modifier != null && !modifier.equals("not")) {
                    yield unsupportedModifier(key, lenient);
                }
                yield new Criterion.Tokens(name, values.stream().map(SearchRequestParser::parseToken).toList(),
                        "not".equals(modifier));
            }
            case STRING -> {
                TextMatch match;
                if (modifier == null) {
                    match = TextMatch.STARTS_WITH;
                } else if (modifier.equals("exact")) {
                    match = TextMatch.EXACT;
                } else if (modifier.equals("contains")) {
                    match = TextMatch.CONTAINS;
                } else {
                    yield unsupportedModifier(key, lenient);
                }
                List<String> texts = values.stream().map(SearchRequestParser::unescape)
                        .map(v -> match == TextMatch.EXACT ? v : IndexExtractor.normalize(v)).toList();
                yield new Criterion.Texts(name, texts, match);
            }
            case REFERENCE -> {
                if (modifier != null && !isResourceTypeName(modifier)) {
                    yield unsupportedModifier(key, lenient);
                }
                yield new Criterion.References(name, values.stream().map(v -> parseReference(key, v, modifier)).toList());
            }
            case DATE -> {
                if (modifier != null) {
                    yield unsupportedModifier(key, lenient);
                }
                yield new Criterion.Dates(name, values.stream().map(v -> parseDate(key, v)).toList());
            }
        };
    }

    private static Criterion unsupportedModifier(String key, boolean lenient) {
        if (lenient) {
            return null;
        }
        throw invalid("Unsupported search modifier in '" + key + "'", key);
    }

    private void parseInclude(String resourceType, String raw, boolean lenient, List<SearchParamDef> includes) {
        String[] parts = raw.split(":");
        SearchParamDef def = parts.length >= 2 && parts[0].equals(resourceType)
                ? registry.find(resourceType, parts[1]).filter(d -> d.type() == SearchParamType.REFERENCE).orElse(null)
                : null;
        if (def != null && parts.length == 3) {
            def = def.targeting(parts[2]);
        }
        if (def == null || parts.length > 3) {
            if (lenient) {
                return;
            }
            throw invalid("Unsupported _include '" + raw + "'; supported are listed in /metadata", "_include");
        }
        includes.add(def);
    }

    private static SearchQuery.Sort parseSort(String raw) {
        return switch (raw) {
            case "_lastUpdated" -> SearchQuery.Sort.LAST_UPDATED_ASC;
            case "-_lastUpdated" -> SearchQuery.Sort.LAST_UPDATED_DESC;
            default -> throw invalid("Unsupported _sort '" + raw + "'; supported: _lastUpdated, -_lastUpdated", "_sort");
        };
    }

    private static boolean parseSummary(String raw) {
        return switch (raw) {
            case "count" -> true;
            case "true", "false", "data", "text" -> false;
            default -> throw invalid("Unsupported _summary '" + raw + "'", "_summary");
        };
    }

    private static int nonNegativeInt(String key, String raw) {
        try {
            int value = Integer.parseInt(raw.trim());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid("Parameter " + key + " must be a non-negative integer", key);
    }

    static TokenValue parseToken(String value) {
        int bar = indexOfUnescaped(value, '|');
        if (bar < 0) {
            return new TokenValue(null, false, unescape(value));
        }
        String system = unescape(value.substring(0, bar));
        String code = unescape(value.substring(bar + 1));
        return new TokenValue(system.isEmpty() ? null : system, system.isEmpty(), code.isEmpty() ? null : code);
    }

    private static ReferenceValue parseReference(String key, String value, String typeModifier) {
        String v = value;
        if (v.contains("/")) {
            String[] parsed = IndexExtractor.parseReference(v)
                    .orElseThrow(() -> invalid("Cannot parse reference '" + value + "'", key));
            if (typeModifier != null && !typeModifier.equals(parsed[0])) {
                throw invalid("Reference '" + value + "' does not match modifier :" + typeModifier, key);
            }
            return new ReferenceValue(parsed[0], parsed[1]);
        }
        return new ReferenceValue(typeModifier, v);
    }

    static DateCondition parseDate(String key, String value) {
        DatePrefix prefix = DatePrefix.EQ;
        String v = value;
        if (v.length() > 2 && Character.isLetter(v.charAt(0))) {
            try {
                prefix = DatePrefix.valueOf(v.substring(0, 2).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw invalid("Unknown date prefix in '" + value + "'", key);
            }
            v = v.substring(2);
        }
        try {
            long[] range = DateRanges.parse(v);
            return new DateCondition(prefix, range[0], range[1]);
        } catch (RuntimeException e) {
            throw invalid("Cannot parse date '" + value + "'", key);
        }
    }

    private static boolean isResourceTypeName(String s) {
        return !s.isEmpty() && Character.isUpperCase(s.charAt(0)) && s.chars().allMatch(Character::isLetter);
    }

    /** Splits on commas that are not escaped with a backslash (FHIR R4 3.1.1.5.8). */
    static List<String> splitOr(String raw) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length()) {
                current.append(c).append(raw.charAt(++i));
            } else if (c == ',') {
                out.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        out.add(current.toString());
        return Arrays.stream(out.toArray(String[]::new)).filter(s -> !s.isEmpty()).toList();
    }

    private static int indexOfUnescaped(String s, char target) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\\') {
                i++;
            } else if (s.charAt(i) == target) {
                return i;
            }
        }
        return -1;
    }

    private static String unescape(String s) {
        return s.replaceAll("\\\\([,|$\\\\])", "$1");
    }
}
