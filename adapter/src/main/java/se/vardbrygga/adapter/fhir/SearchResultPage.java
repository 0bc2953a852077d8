package se.vardbrygga.adapter.fhir;

import ca.uhn.fhir.model.primitive.InstantDt;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * One page of search results with its included resources. It carries its own offset and page size,
 * so HAPI writes stateless {@code _offset}/{@code _count} next and previous links: any node of a
 * cluster can serve the next page, and nothing is kept in memory between requests.
 */
final class SearchResultPage implements IBundleProvider {
    private final List<IBaseResource> resources;
    private final int total;
    private final int offset;
    private final int pageSize;
    private final InstantDt published = InstantDt.withCurrentTime();

    SearchResultPage(List<IBaseResource> resources, int total, int offset, int pageSize) {
        this.resources = resources;
        this.total = total;
        this.offset = offset;
        this.pageSize = pageSize;
    }

    @Override
    public List<IBaseResource> getResources(int fromIndex, int toIndex) {
        return resources;
    }

    @Override
    public Integer size() {
        return total;
    }

    @Override
    public Integer getCurrentPageOffset() {
        return offset;
    }

    @Override
    public Integer getCurrentPageSize() {
        return pageSize;
    }

    @Override
    public Integer preferredPageSize() {
        return pageSize;
    }

    @Override
    public InstantDt getPublished() {
        return published;
    }

    @Override
    public String getUuid() {
        return null;
    }
}
