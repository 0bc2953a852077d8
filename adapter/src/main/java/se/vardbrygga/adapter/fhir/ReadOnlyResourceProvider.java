package se.vardbrygga.adapter.fhir;

import ca.uhn.fhir.rest.annotation.History;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import java.util.ArrayList;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import se.vardbrygga.adapter.search.SearchRequest;
import se.vardbrygga.adapter.store.ResourceStore;

/**
 * read, vread, instance history and search for one resource type. One generic class serves every
 * type; {@link ResourceProvider} adds the writes. AuditEvent uses this one alone: it is written by
 * the server, never by a client. Whether the caller may see an instance at all is decided before (the access
 * interceptor); a search sees only what the caller may read.
 */
public class ReadOnlyResourceProvider<T extends IBaseResource> implements IResourceProvider {
    protected final Class<T> type;
    protected final String typeName;
    protected final ResourceService service;
    protected final ResourceStore store;

    public ReadOnlyResourceProvider(Class<T> type, String typeName, ResourceService service, ResourceStore store) {
        this.type = type;
        this.typeName = typeName;
        this.service = service;
        this.store = store;
    }

    @Override
    public Class<T> getResourceType() {
        return type;
    }

    @Read(version = true)
    public T read(@IdParam IIdType id) {
        String idPart = id.getIdPart();
        if (id.hasVersionIdPart()) {
            int version = VersionIds.parse(id.getVersionIdPart(), "_history");
            return type.cast(store.inTransaction(s -> service.vread(s, typeName, idPart, version)));
        }
        return type.cast(store.inTransaction(s -> service.read(s, typeName, idPart)));
    }

    @History
    public IBundleProvider history(@IdParam IIdType id) {
        return new SimpleBundleProvider(new ArrayList<>(store.inTransaction(s -> service.history(s, typeName, id.getIdPart()))));
    }

    @Search(allowUnknownParams = true)
    public IBundleProvider search(RequestDetails request) {
        SearchRequest search = service.searchParser().parse(typeName, request.getParameters(), PreferHeader.isLenient(request));
        Access access = Access.of(request);
        return store.inTransaction(s -> service.search(s, typeName, search, access));
    }
}
