package se.vardbrygga.adapter.fhir;

import ca.uhn.fhir.rest.annotation.ConditionalUrlParam;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.annotation.Validate;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Resource;
import se.vardbrygga.adapter.store.ResourceStore;

/**
 * create (also conditional) and update with optimistic locking, on top of the read interactions. What is written
 * must name the caller's unit as a party, checked before commit.
 */
public class ResourceProvider<T extends IBaseResource> extends ReadOnlyResourceProvider<T> {

    public ResourceProvider(Class<T> type, String typeName, ResourceService service, ResourceStore store) {
        super(type, typeName, service, store);
    }

    /** POST [type], with {@code If-None-Exist} for a conditional create. */
    @Create
    public MethodOutcome create(@ResourceParam T resource, @ConditionalUrlParam String ifNoneExist, RequestDetails request) {
        Access access = Access.of(request);
        ResourceService.WriteOutcome outcome = store.inTransaction(s -> {
            ResourceService.WriteOutcome out = service.create(s, (Resource) resource, ifNoneExist);
            service.acceptWrite(s, access, out.resource());
            return out;
        });
        MethodOutcome result = new MethodOutcome(outcome.resource().getIdElement(), outcome.created());
        result.setResource(outcome.resource());
        return result;
    }

    /**
     * POST [type]/$validate: the profile check a create makes, nothing stored, nothing decided by the domain rules
     * (they need the stored data). 200 with an OperationOutcome: its errors, or one information issue when there are
     * none — for systems that want to check what they will send, and for the conformance suite.
     */
    @Validate
    public MethodOutcome validate(@ResourceParam T resource) {
        return new MethodOutcome().setOperationOutcome(service.validate((Resource) resource));
    }

    /** PUT [type]/[id]; {@code If-Match: W/"n"} makes a stale version a 412. */
    @Update
    public MethodOutcome update(@IdParam IIdType id, @ResourceParam T resource, RequestDetails request) {
        Integer expected = id.hasVersionIdPart() ? VersionIds.parse(id.getVersionIdPart(), "If-Match") : null;
        Access access = Access.of(request);
        Resource updated = store.inTransaction(s -> {
            Resource written = service.update(s, typeName, id.getIdPart(), (Resource) resource, expected, access);
            service.acceptWrite(s, access, written);
            return written;
        });
        MethodOutcome result = new MethodOutcome(updated.getIdElement(), false);
        result.setResource(updated);
        return result;
    }
}
