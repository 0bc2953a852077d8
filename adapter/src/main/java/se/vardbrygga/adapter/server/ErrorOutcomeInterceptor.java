package se.vardbrygga.adapter.server;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vardbrygga.adapter.fhir.Incidents;
import se.vardbrygga.adapter.fhir.Outcomes;

/**
 * Turns every failure that is not a deliberate FHIR error into a 500 with an OperationOutcome that
 * says only "internal error" and an incident id: no stack trace, SQL or data ever reaches a client.
 */
public final class ErrorOutcomeInterceptor {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorOutcomeInterceptor.class);

    @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
    public BaseServerResponseException mask(Throwable failure) {
        // HAPI wraps a non-FHIR exception from a provider in an InternalErrorException with a cause.
        boolean deliberate = failure instanceof BaseServerResponseException
                && !(failure instanceof InternalErrorException && failure.getCause() != null);
        if (deliberate) {
            return (BaseServerResponseException) failure;
        }
        String incident = Incidents.log(LOG, "Request failed", failure);
        String message = "Internal error (incident " + incident + ")";
        return new InternalErrorException(message, Outcomes.outcome(IssueType.EXCEPTION, message, null));
    }
}
