package se.vardbrygga.adapter.server;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.MethodNotAllowedException;
import java.util.Set;

/**
 * Answers 405 for interactions this server does not offer, before HAPI looks for a handler: there is
 * no hard delete (clinical resources end by status, e.g. Task.status = cancelled), no PATCH, and the
 * server-written types (AuditEvent) cannot be created or updated by clients.
 */
public final class UnsupportedInteractionInterceptor {
    private final Set<String> writableTypes;

    public UnsupportedInteractionInterceptor(Set<String> writableTypes) {
        this.writableTypes = writableTypes;
    }

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLER_SELECTED)
    public void refuseUnsupported(RequestDetails request) {
        RequestTypeEnum method = request.getRequestType();
        String type = request.getResourceName();
        if (method == RequestTypeEnum.DELETE) {
            throw new MethodNotAllowedException("DELETE is not supported: resources are never deleted, they end by status "
                    + "(e.g. Task.status = cancelled, Consent.status = inactive, Organization.active = false)");
        }
        if (method == RequestTypeEnum.PATCH) {
            throw new MethodNotAllowedException("PATCH is not supported: use PUT with If-Match");
        }
        boolean write = method == RequestTypeEnum.PUT
                || (method == RequestTypeEnum.POST && request.getOperation() == null);
        if (write && type != null && !writableTypes.contains(type)) {
            throw new MethodNotAllowedException(type + " is written by the server only; clients can read and search it");
        }
    }
}
