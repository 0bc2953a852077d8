package se.vardbrygga.adapter.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Task;
import se.vardbrygga.adapter.store.ResourceStore;
import se.vardbrygga.profiles.Canonical;

/**
 * What a receiving unit does with a Task in one call, as its inbox would: {@code $acknowledge} accepts the
 * Task and marks it acknowledged (businessStatus delivery-status acknowledged), with the date of the first
 * home visit when given (R-INFO-2, R-INFO-3). It is an update like any other: validated, decided by the rules
 * (a held Task is refused with R-CON-1, an enrolment without first visit date with R-INFO-2), versioned.
 */
public final class TaskOperations {
    private static final String DELIVERY_STATUS = Canonical.CODE_SYSTEM_BASE + "delivery-status";

    private final ResourceService service;
    private final ResourceStore store;

    public TaskOperations(ResourceService service, ResourceStore store) {
        this.service = service;
        this.store = store;
    }

    @Operation(name = "$acknowledge", type = Task.class)
    public Task acknowledge(@IdParam IdType taskId, @ResourceParam Parameters in, RequestDetails request) {
        DateType firstVisit = firstVisitDate(in);
        Access access = Access.of(request); // only the owner acknowledges: a move forward
        return store.inTransaction(session -> {
            Task task = (Task) service.read(session, "Task", taskId.getIdPart());
            if (task.getStatus() != Task.TaskStatus.REQUESTED && task.getStatus() != Task.TaskStatus.RECEIVED) {
                throw new PreconditionFailedException("Task/" + taskId.getIdPart() + " is " + task.getStatus().toCode()
                        + ": only a requested or received Task is acknowledged");
            }
            task.setStatus(Task.TaskStatus.ACCEPTED)
                    .setBusinessStatus(new CodeableConcept(new Coding(DELIVERY_STATUS, "acknowledged", "Acknowledged")));
            if (firstVisit != null) {
                task.addOutput().setValue(firstVisit).getType()
                        .addCoding(new Coding(Canonical.TASK_PARAMETER_TYPE, "first-visit-date", "First home visit date"));
            }
            Task acknowledged = (Task) service.update(session, "Task", taskId.getIdPart(), task,
                    Integer.valueOf(task.getMeta().getVersionId()), access);
            service.acceptWrite(session, access, acknowledged);
            return acknowledged;
        });
    }

    private static DateType firstVisitDate(Parameters in) {
        Parameters.ParametersParameterComponent p = in == null ? null : in.getParameter("firstVisitDate");
        if (p == null) {
            return null;
        }
        if (!(p.getValue() instanceof DateType date) || !date.hasValue()) {
            throw new InvalidRequestException("Parameter 'firstVisitDate' must be valueDate");
        }
        return date;
    }
}
