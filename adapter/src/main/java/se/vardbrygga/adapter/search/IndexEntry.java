package se.vardbrygga.adapter.search;

/** One row of the search index, extracted from a resource at write time. */
public sealed interface IndexEntry {
    /** Computed, not searchable by clients: the HSA-ids of the units a resource names as parties. */
    String PARTY = "_party";
    /** Computed, not searchable by clients: the HSA-ids of the units a Consent grants access (its actors). */
    String GRANTEE = "_grantee";

    String param();

    record Token(String param, String system, String code) implements IndexEntry {
    }

    record Text(String param, String normalized, String exact) implements IndexEntry {
    }

    record Ref(String param, String targetType, String targetId) implements IndexEntry {
    }

    /** A date range in epoch milliseconds, both ends inclusive. */
    record DateRange(String param, long low, long high) implements IndexEntry {
    }
}
