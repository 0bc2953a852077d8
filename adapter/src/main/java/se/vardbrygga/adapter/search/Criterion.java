package se.vardbrygga.adapter.search;

import java.util.List;

/**
 * One condition of a search. Values inside one criterion are alternatives (FHIR's comma, OR);
 * criteria of one query must all hold (repeated parameters, AND).
 */
public sealed interface Criterion {

    record Ids(List<String> anyOf) implements Criterion {
    }

    record LastUpdated(List<DateCondition> anyOf) implements Criterion {
    }

    record Tokens(String param, List<TokenValue> anyOf, boolean negated) implements Criterion {
    }

    record Texts(String param, List<String> anyOf, TextMatch match) implements Criterion {
    }

    record References(String param, List<ReferenceValue> anyOf) implements Criterion {
    }

    record Dates(String param, List<DateCondition> anyOf) implements Criterion {
    }

    /** {@code system|code}; a null system matches any system, {@code |code} only codes without one. */
    record TokenValue(String system, boolean requireNoSystem, String code) {
    }

    /** A reference target; a null type matches any type. */
    record ReferenceValue(String type, String id) {
    }

    /** A prefixed date: the prefix and the closed millisecond range of the search value. */
    record DateCondition(DatePrefix prefix, long low, long high) {
    }

    enum TextMatch { STARTS_WITH, EXACT, CONTAINS }

    enum DatePrefix { EQ, NE, GT, LT, GE, LE, SA, EB, AP }
}
