package se.vardbrygga.adapter.fhir;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import se.vardbrygga.adapter.search.IndexExtractor;
import se.vardbrygga.adapter.store.StoreSession;
import se.vardbrygga.mappings.rules.Facts;

/** The rules' view of the store, inside the transaction of the write they decide. */
final class StoreFacts implements Facts {
    /** More matches than any rule acts on at once (e.g. a patient's active delegations). */
    private static final int MAX_MATCHES = 1000;

    private final StoreSession session;
    private final ResourceService service;
    private final Clock clock;

    StoreFacts(StoreSession session, ResourceService service, Clock clock) {
        this.session = session;
        this.service = service;
        this.clock = clock;
    }

    @Override
    public Optional<Resource> resolve(Reference reference) {
        return IndexExtractor.parseReference(reference.getReference())
                .flatMap(target -> session.read(target[0], target[1]))
                .map(service::toResource);
    }

    @Override
    public List<Resource> search(String type, String query) {
        return service.find(session, type, query, 0, MAX_MATCHES, Access.ALL);
    }

    @Override
    public Instant now() {
        return clock.instant();
    }
}
