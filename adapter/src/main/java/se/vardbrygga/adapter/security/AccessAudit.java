package se.vardbrygga.adapter.security;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vardbrygga.adapter.fhir.ResourceService;
import se.vardbrygga.adapter.store.ResourceStore;
import se.vardbrygga.profiles.Canonical;

/**
 * The access log (the patient data act's logging, in the shape of IHE Basic Audit Log Patterns): an AuditEvent of
 * type {@code rest} per access with who (the client, its unit's HSA-id, its network address), what (the interaction
 * and the request path, the resources and patients it touched), and the outcome. A client's write is logged in the
 * write's own transaction; a read or search after it ran; a refused attempt (no token, a refused token, a scope or
 * unit it lacks) in a transaction of its own, so it stays when the request does not.
 */
public final class AccessAudit {
    private static final Logger LOG = LoggerFactory.getLogger(AccessAudit.class);
    static final String AUDIT_EVENT_TYPE = "http://terminology.hl7.org/CodeSystem/audit-event-type";
    static final String RESTFUL_INTERACTION = "http://hl7.org/fhir/restful-interaction";
    private static final String ENTITY_TYPE = "http://terminology.hl7.org/CodeSystem/audit-entity-type";

    private final ResourceStore store;
    private final ResourceService service;
    private final Clock clock;

    public AccessAudit(ResourceStore store, ResourceService service, Clock clock) {
        this.store = store;
        this.service = service;
        this.clock = clock;
    }

    /**
     * An allowed read, search or operation, after it ran: what (the request path, the resources read) and which patients
     * (IHE BALP's patient entity), in a transaction of its own.
     */
    public void allowed(HttpServletRequest request, Caller caller, List<String> read, Set<String> patients) {
        AuditEvent event = event(request, caller, Date.from(clock.instant()), AuditEvent.AuditEventOutcome._0, "allowed");
        read.forEach(what -> event.addEntity().setWhat(new Reference(what))
                .setType(new Coding(ENTITY_TYPE, "2", "System Object")));
        addPatients(event, patients);
        try {
            store.inTransaction(session -> service.insertBookkeeping(session, event));
        } catch (RuntimeException e) {
            LOG.warn("Could not write the AuditEvent of a {} {}: {}", request.getMethod(), request.getRequestURI(), e.getClass().getSimpleName());
            throw e; // an access that cannot be logged is not answered
        }
    }

    /** The AuditEvent of a client's write, to be written in the write's own transaction. */
    public AuditEvent written(HttpServletRequest request, Caller caller, Resource written, Set<String> patients) {
        boolean created = "1".equals(written.getMeta().getVersionId());
        AuditEvent event = event(request, caller, Date.from(clock.instant()), AuditEvent.AuditEventOutcome._0,
                created ? "created" : "updated");
        event.setAction(created ? AuditEvent.AuditEventAction.C : AuditEvent.AuditEventAction.U);
        event.getSubtypeFirstRep().setCode(created ? "create" : "update");
        event.addEntity().setWhat(new Reference(written.fhirType() + "/" + written.getIdElement().getIdPart() + "/_history/"
                + written.getMeta().getVersionId())).setType(new Coding(ENTITY_TYPE, "2", "System Object"));
        addPatients(event, patients);
        return event;
    }

    private static void addPatients(AuditEvent event, Set<String> patients) {
        patients.forEach(patient -> event.addEntity().setWhat(new Reference(patient))
                .setType(new Coding(ENTITY_TYPE, "1", "Person"))
                .setRole(new Coding("http://terminology.hl7.org/CodeSystem/object-role", "1", "Patient")));
    }

    /** A refused attempt: 401 (caller null: not known) or 403/404 (the caller is known). */
    public void refused(HttpServletRequest request, Caller caller, int status, String reason) {
        insertOwn(request, status, event(request, caller, Date.from(clock.instant()), AuditEvent.AuditEventOutcome._4, "refused " + status + ": " + reason));
    }

    /**
     * A token request to this server's token endpoint (DICOM User Authentication, Login): issued to {@code caller}, or
     * refused ({@code caller} null) with the status and reason; in a transaction of its own.
     */
    public void authentication(HttpServletRequest request, Caller caller, int status, String description) {
        AuditEvent event = event(request, caller, Date.from(clock.instant()),
                status < 400 ? AuditEvent.AuditEventOutcome._0 : AuditEvent.AuditEventOutcome._4,
                status < 400 ? description : "refused " + status + ": " + description);
        event.setType(new Coding("http://dicom.nema.org/resources/ontology/DCM", "110114", "User Authentication"))
                .setAction(AuditEvent.AuditEventAction.E);
        event.getSubtype().clear();
        event.addSubtype(new Coding("http://dicom.nema.org/resources/ontology/DCM", "110122", "Login"));
        insertOwn(request, status, event);
    }

    private void insertOwn(HttpServletRequest request, int status, AuditEvent event) {
        try {
            store.inTransaction(session -> service.insertBookkeeping(session, event));
        } catch (RuntimeException e) {
            // the answer stands; the log line carries no personal data (path and status only)
            LOG.warn("Could not write the AuditEvent of {} {} (status {}): {}", request.getMethod(), request.getRequestURI(), status,
                    e.getClass().getSimpleName());
        }
    }

    static AuditEvent event(HttpServletRequest request, Caller caller, Date recorded, AuditEvent.AuditEventOutcome outcome, String description) {
        AuditEvent event = new AuditEvent()
                .setType(new Coding(AUDIT_EVENT_TYPE, "rest", "Restful Operation"))
                .setAction(action(request.getMethod()))
                .setRecorded(recorded)
                .setOutcome(outcome)
                .setOutcomeDesc(description);
        event.addSubtype(new Coding(RESTFUL_INTERACTION, interaction(request), null));
        AuditEvent.AuditEventAgentComponent agent = event.addAgent().setRequestor(true);
        if (caller == null) {
            agent.setWho(new Reference().setDisplay("unauthenticated client"));
        } else {
            agent.setWho(new Reference().setIdentifier(new Identifier().setSystem("urn:ietf:rfc:7519#sub").setValue(caller.client()))
                    .setDisplay(caller.client()));
            caller.unit().ifPresent(unit -> event.addAgent().setRequestor(false)
                    .setWho(new Reference().setType("Organization").setIdentifier(new Identifier().setSystem(Canonical.HSA_ID).setValue(unit))));
        }
        agent.getNetwork().setAddress(request.getRemoteAddr()).setType(AuditEvent.AuditEventAgentNetworkType._2);
        event.getSource().setObserver(new Reference().setDisplay("Vårdbrygga")).addType(
                new Coding("http://terminology.hl7.org/CodeSystem/security-source-type", "4", "Application Server"));
        event.addEntity().setDescription(request.getMethod() + " " + request.getRequestURI())
                .setType(new Coding(ENTITY_TYPE, "2", "System Object"));
        return event;
    }

    private static AuditEvent.AuditEventAction action(String method) {
        return switch (method) {
            case "POST" -> AuditEvent.AuditEventAction.C;
            case "PUT", "PATCH" -> AuditEvent.AuditEventAction.U;
            case "DELETE" -> AuditEvent.AuditEventAction.D;
            default -> AuditEvent.AuditEventAction.R;
        };
    }

    private static String interaction(HttpServletRequest request) {
        String path = request.getRequestURI();
        return switch (request.getMethod()) {
            case "POST" -> path.contains("/$") ? "operation" : path.matches(".*/fhir/?") ? "transaction" : "create";
            case "PUT" -> "update";
            case "DELETE" -> "delete";
            default -> path.matches(".*/fhir/[A-Za-z]+/[^/$?]+(/_history/[^/]+)?") ? "read" : "search-type";
        };
    }
}
