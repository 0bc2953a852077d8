package se.vardbrygga.adapter.fhir;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.Optional;
import org.hl7.fhir.r4.model.Resource;
import se.vardbrygga.adapter.search.Criterion;
import se.vardbrygga.adapter.store.StoreSession;

/**
 * What one caller may see and write, as search criteria the store applies in SQL, so that a read, a search, its
 * count and its {@code _include}s all see the same. {@link #ALL} is the server's own work and a server run open.
 */
public interface Access {
    /** The key under which the request's Access travels in {@link RequestDetails#getUserData()}. */
    String KEY = Access.class.getName();

    Access ALL = new Access() {
        @Override
        public Optional<Criterion> readable(String type) {
            return Optional.empty();
        }

        @Override
        public Optional<Criterion> writable(String type) {
            return Optional.empty();
        }

        @Override
        public void checkChange(StoreSession session, Resource before, Resource after) {
        }

        @Override
        public String who() {
            return "the server";
        }

        @Override
        public Optional<Resource> auditOf(Resource written) {
            return Optional.empty();
        }
    };

    /** The condition a resource of {@code type} meets when the caller may read it; empty when it may read all. */
    Optional<Criterion> readable(String type);

    /** The condition a resource of {@code type} meets, as written, when the caller may write it; empty for all. */
    Optional<Criterion> writable(String type);

    /** Refuses (403) a change of an existing resource the caller may not make, such as moving another's Task. */
    void checkChange(StoreSession session, Resource before, Resource after);

    /** The AuditEvent of a write the caller made, written in the write's transaction; empty for the server's own work. */
    Optional<Resource> auditOf(Resource written);

    /** The caller in a refusal's message: its unit, never a person. */
    String who();

    /** The Access the access interceptor put on the request; none means it did not run: refused, never open. */
    static Access of(RequestDetails request) {
        if (request.getUserData().get(KEY) instanceof Access access) {
            return access;
        }
        throw new IllegalStateException("request without an Access: the access interceptor did not run");
    }
}
