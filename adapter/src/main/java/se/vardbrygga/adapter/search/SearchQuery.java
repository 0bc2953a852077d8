package se.vardbrygga.adapter.search;

import java.util.List;

/** What the store needs to answer a search: conditions, order and one page. */
public record SearchQuery(List<Criterion> criteria, Sort sort, int offset, int count) {

    public enum Sort { INSERTION, LAST_UPDATED_ASC, LAST_UPDATED_DESC }

    public static SearchQuery of(List<Criterion> criteria) {
        return new SearchQuery(criteria, Sort.INSERTION, 0, Integer.MAX_VALUE);
    }
}
