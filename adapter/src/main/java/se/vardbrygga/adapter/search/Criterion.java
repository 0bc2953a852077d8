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

    /** Resources that name the unit (HSA-id) as a party: the computed {@link IndexEntry#PARTY} index. */
    record PartyOf(String unit) implements Criterion {
    }

    /**
     * Patients in a care relation with the unit: named as {@code patient} by a resource of one of {@code types} that
     * names the unit as a party.
     */
    record CareRelationOf(String unit, List<String> types) implements Criterion {
    }

    /**
     * Resources about a patient (the Patient itself, or what names it as {@code patient}) whose active Consent, in force
     * at {@code at} (epoch ms), names the unit as actor (R-CON-1): the computed {@link IndexEntry#GRANTEE} index.
     */
    record ConsentGrants(String unit, long at) implements Criterion {
    }

    /** One of the alternatives holds. */
    record AnyOf(List<Criterion> alternatives) implements Criterion {
    }

    /** Nothing matches: a caller that may see nothing of a type. */
    record Nothing() implements Criterion {
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
