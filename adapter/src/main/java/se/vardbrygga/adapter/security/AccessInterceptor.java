package se.vardbrygga.adapter.security;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import java.util.Set;
import se.vardbrygga.adapter.fhir.Access;
import se.vardbrygga.adapter.fhir.ResourceService;
import se.vardbrygga.adapter.store.ResourceStore;

/**
 * Puts the caller's {@link Access} on every FHIR request, and answers 404 for an instance the caller may
 * not read, before read, vread, history or an instance operation runs: what a unit may not see does not exist for it.
 * Updates check the same inside their own transaction, under the row lock ({@link ResourceService#update}).
 */
@Interceptor
public final class AccessInterceptor {
    private static final Set<RestOperationTypeEnum> INSTANCE_READS = Set.of(RestOperationTypeEnum.READ, RestOperationTypeEnum.VREAD,
            RestOperationTypeEnum.HISTORY_INSTANCE, RestOperationTypeEnum.EXTENDED_OPERATION_INSTANCE);

    private final UnitAccessPolicy policy;
    private final ResourceService service;
    private final ResourceStore store;

    public AccessInterceptor(UnitAccessPolicy policy, ResourceService service, ResourceStore store) {
        this.policy = policy;
        this.service = service;
        this.store = store;
    }

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
    public void check(RequestDetails details, RestOperationTypeEnum operation) {
        if (!(details instanceof ServletRequestDetails servlet) || operation == RestOperationTypeEnum.METADATA) {
            return;
        }
        Caller caller = Caller.of(servlet.getServletRequest());
        Access access = policy.forCaller(caller, servlet.getServletRequest());
        details.getUserData().put(Access.KEY, access);
        if (INSTANCE_READS.contains(operation) && details.getId() != null && details.getId().hasIdPart()) {
            String type = details.getResourceName();
            String id = details.getId().getIdPart();
            store.inTransaction(s -> { // the refusal is audited with every other (AuditInterceptor)
                service.requireReadable(s, access, type, id);
                return null;
            });
        }
    }
}
