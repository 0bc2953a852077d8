package se.vardbrygga.adapter.security;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import se.vardbrygga.adapter.fhir.Outcomes;

/**
 * The scopes a FHIR request needs, checked before it is handled: the letter of its interaction on its resource type
 * (read, vread and history: r; search: s; create: c; update and POSTed instance operations: u), and for a
 * transaction or batch the letter of every entry. A missing scope is 403 naming the scope (audited by the AuditInterceptor).
 */
@Interceptor
public final class ScopeInterceptor {
    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
    public void check(RequestDetails details, RestOperationTypeEnum operation) {
        if (!(details instanceof ServletRequestDetails servlet) || operation == RestOperationTypeEnum.METADATA) {
            return;
        }
        Caller caller = Caller.of(servlet.getServletRequest());
        if (operation == RestOperationTypeEnum.TRANSACTION || operation == RestOperationTypeEnum.BATCH) {
            // HAPI has parsed the Bundle for the transaction method by now; without it nothing is let through
            if (!(details.getResource() instanceof Bundle bundle)) {
                throw new IllegalStateException("transaction or batch without its parsed Bundle: scopes cannot be checked");
            }
            requireEntries(caller, bundle);
            return;
        }
        interaction(operation, details.getRequestType().name()).ifPresent(needed ->
                require(caller, details.getResourceName(), needed, null));
    }

    /** 403 unless the caller's scopes allow {@code interaction} on {@code type}. */
    public void require(Caller caller, String type, Scopes.Interaction interaction,
                        String expression) {
        if (type == null || caller.scopes().allow(type, interaction)) {
            return;
        }
        String message = "Scope " + Scopes.needed(type, interaction) + " is needed" + (expression == null ? "" : " for " + expression)
                + "; the token grants no such scope";
        throw Outcomes.forbidden(message, expression);
    }

    /** Every entry of a transaction needs the scope of its interaction on its type. */
    public void requireEntries(Caller caller, Bundle bundle) {
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            Bundle.BundleEntryComponent entry = bundle.getEntry().get(i);
            String type = entry.hasResource() ? entry.getResource().fhirType() : entry.getRequest().getUrl().split("[/?]")[0];
            require(caller, type, entryInteraction(entry.getRequest().getMethod()), "Bundle.entry[" + i + "]");
        }
    }

    static Scopes.Interaction entryInteraction(Bundle.HTTPVerb verb) {
        return switch (verb == null ? Bundle.HTTPVerb.GET : verb) {
            case POST -> Scopes.Interaction.CREATE;
            case PUT, PATCH -> Scopes.Interaction.UPDATE;
            case DELETE -> Scopes.Interaction.DELETE;
            default -> Scopes.Interaction.READ;
        };
    }

    static Optional<Scopes.Interaction> interaction(RestOperationTypeEnum operation, String method) {
        return Optional.ofNullable(switch (operation) {
            case READ, VREAD, HISTORY_INSTANCE, HISTORY_TYPE -> Scopes.Interaction.READ;
            case SEARCH_TYPE, SEARCH_SYSTEM, GET_PAGE -> Scopes.Interaction.SEARCH;
            case CREATE -> Scopes.Interaction.CREATE;
            case UPDATE, PATCH -> Scopes.Interaction.UPDATE;
            case DELETE -> Scopes.Interaction.DELETE;
            case EXTENDED_OPERATION_INSTANCE, EXTENDED_OPERATION_TYPE ->
                    "GET".equals(method) ? Scopes.Interaction.READ : Scopes.Interaction.UPDATE;
            default -> null;
        });
    }
}
