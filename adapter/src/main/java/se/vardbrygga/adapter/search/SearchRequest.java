package se.vardbrygga.adapter.search;

import java.util.List;

/**
 * A parsed FHIR search: the store query, the reference parameters to {@code _include}, and whether
 * only the total is wanted ({@code _summary=count} or {@code _count=0}).
 */
public record SearchRequest(SearchQuery query, List<SearchParamDef> includes, boolean countOnly) {
}
