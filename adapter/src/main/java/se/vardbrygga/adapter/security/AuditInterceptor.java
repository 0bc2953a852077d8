package se.vardbrygga.adapter.security;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;

/**
 * The access log of the FHIR API, in one place: every read, search and operation that was answered, and every attempt
 * refused for want of a scope or of access (403, 404). Writes are logged in their own transaction instead (see
 * {@link se.vardbrygga.adapter.fhir.ResourceService#acceptWrite}); a missing or bad token never reaches HAPI and is
 * logged by the authentication filter.
 */
@Interceptor
public final class AuditInterceptor {
    private static final Set<RestOperationTypeEnum> LOGGED_WITH_THE_WRITE = Set.of(RestOperationTypeEnum.CREATE,
            RestOperationTypeEnum.UPDATE, RestOperationTypeEnum.TRANSACTION, RestOperationTypeEnum.BATCH, RestOperationTypeEnum.METADATA);

    private final AccessAudit audit;
    private final UnitAccessPolicy policy;

    public AuditInterceptor(AccessAudit audit, UnitAccessPolicy policy) {
        this.audit = audit;
        this.policy = policy;
    }

    @Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
    public void answered(RequestDetails details, IBaseResource response) {
        if (!(details instanceof ServletRequestDetails servlet) || LOGGED_WITH_THE_WRITE.contains(details.getRestOperationType())
                || !(servlet.getServletRequest().getAttribute(Caller.ATTRIBUTE) instanceof Caller caller)) {
            return;
        }
        List<String> read = new ArrayList<>();
        Set<String> patients = new LinkedHashSet<>();
        if (details.getId() != null && details.getId().hasIdPart()) {
            read.add(details.getResourceName() + "/" + details.getId().getIdPart());
        }
        List<IBaseResource> answered = response instanceof Bundle bundle
                ? bundle.getEntry().stream().<IBaseResource>map(Bundle.BundleEntryComponent::getResource).filter(r -> r != null).toList()
                : response == null ? List.of() : List.of(response);
        for (IBaseResource r : answered) {
            if (r.getIdElement().hasIdPart() && !(r instanceof Bundle) && read.size() < 100) {
                read.add(r.fhirType() + "/" + r.getIdElement().getIdPart());
            }
            patients.addAll(policy.patientsOf(r));
        }
        audit.allowed(servlet.getServletRequest(), caller, read.stream().distinct().toList(), patients);
    }

    @Hook(Pointcut.SERVER_HANDLE_EXCEPTION)
    public boolean refused(RequestDetails details, BaseServerResponseException failure) {
        int status = failure.getStatusCode();
        if ((status == 403 || status == 404) && details instanceof ServletRequestDetails servlet
                && servlet.getServletRequest().getAttribute(Caller.ATTRIBUTE) instanceof Caller caller) {
            audit.refused(servlet.getServletRequest(), caller, status, failure.getMessage());
        }
        return true;
    }
}
