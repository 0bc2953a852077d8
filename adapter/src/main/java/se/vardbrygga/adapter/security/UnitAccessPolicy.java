package se.vardbrygga.adapter.security;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.util.FhirTerser;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import se.vardbrygga.adapter.fhir.Access;
import se.vardbrygga.adapter.fhir.Outcomes;
import se.vardbrygga.adapter.search.Criterion;
import se.vardbrygga.adapter.search.SearchQuery;
import se.vardbrygga.adapter.store.StoreSession;

/**
 * Who sees and writes what, by the unit in the caller's token. A unit reads and writes what names it as a party
 * ({@link UnitParties}: it sent, received, owns or is a named actor of it); a Patient it is in a care relation with
 * (a party of a Task, CarePlan, ... about the patient); the patient's assignment note (DocumentReference, the
 * NPÖ-style note of R-INFO-2) and the Patient also when the patient's active Consent names it as actor (R-CON-1).
 * The directory (who exists and how to reach them) is open to every authenticated caller; AuditEvents to auditors,
 * which their scope decides ({@link Scopes}). A token without a unit sees none of the rest.
 */
public final class UnitAccessPolicy {
    /** Open to every caller: units, staff, their roles and endpoints. */
    static final Set<String> DIRECTORY = Set.of("Organization", "Practitioner", "PractitionerRole", "Endpoint");
    /** The resources whose party is in a care relation with the patient they name. Not AuditEvent: being refused is none. */
    static final List<String> CARE_RELATION = List.of("Task", "CarePlan", "Communication", "ServiceRequest", "Consent",
            "Encounter", "DocumentReference", "Contract", "ChargeItem", "Invoice");

    private final UnitParties parties;
    private final AccessAudit audit;
    private final FhirContext context;
    private final FhirTerser terser;
    private final Clock clock;

    public UnitAccessPolicy(FhirContext context, AccessAudit audit, Clock clock) {
        this.parties = new UnitParties(context);
        this.audit = audit;
        this.context = context;
        this.terser = context.newTerser();
        this.clock = clock;
    }

    /** The Access of one request: by the caller's unit; a server run open sees all, and is audited all the same. */
    public Access forCaller(Caller caller, HttpServletRequest request) {
        return new UnitAccess(caller, request);
    }

    /** The patients a resource is about (IHE BALP's patient entity of its AuditEvent): Patient/id references. */
    public Set<String> patientsOf(IBaseResource resource) {
        Set<String> patients = new LinkedHashSet<>();
        if (resource instanceof Patient) {
            patients.add("Patient/" + resource.getIdElement().getIdPart());
        }
        for (String element : List.of("subject", "for", "patient")) {
            if (context.getResourceDefinition(resource).getChildByName(element) == null) {
                continue;
            }
            terser.getValues(resource, resource.fhirType() + "." + element, Reference.class).stream()
                    .map(Reference::getReference).filter(r -> r != null && r.startsWith("Patient/"))
                    .map(r -> r.replaceFirst("/_history/.*", "")).forEach(patients::add);
        }
        return patients;
    }

    private final class UnitAccess implements Access {
        private final Caller caller;
        private final HttpServletRequest request;
        private final Optional<String> unit;

        UnitAccess(Caller caller, HttpServletRequest request) {
            this.caller = caller;
            this.request = request;
            this.unit = caller.unit();
        }

        @Override
        public Optional<Resource> auditOf(Resource written) {
            return Optional.of(audit.written(request, caller, written, patientsOf(written)));
        }

        @Override
        public Optional<Criterion> readable(String type) {
            if (caller.unrestricted() || DIRECTORY.contains(type) || type.equals("AuditEvent")) {
                return Optional.empty();
            }
            if (unit.isEmpty()) {
                return Optional.of(new Criterion.Nothing());
            }
            Criterion party = new Criterion.PartyOf(unit.get());
            return Optional.of(switch (type) {
                case "Patient" -> new Criterion.AnyOf(List.of(party, new Criterion.CareRelationOf(unit.get(), CARE_RELATION),
                        consentGrants()));
                case "DocumentReference" -> new Criterion.AnyOf(List.of(party, consentGrants()));
                default -> party;
            });
        }

        @Override
        public Optional<Criterion> writable(String type) {
            if (caller.unrestricted() || type.equals("Practitioner") || type.equals("PractitionerRole")) {
                // a person names no unit; a role at another unit is created with what names it (the delegate of a
                // delegation, at the employer). Changing either is for the person's own units: checkChange
                return Optional.empty();
            }
            if (unit.isEmpty()) {
                return Optional.of(new Criterion.Nothing());
            }
            Criterion party = new Criterion.PartyOf(unit.get());
            return Optional.of(type.equals("Patient")
                    ? new Criterion.AnyOf(List.of(party, new Criterion.CareRelationOf(unit.get(), CARE_RELATION)))
                    : party);
        }

        private Criterion consentGrants() {
            return new Criterion.ConsentGrants(unit.orElseThrow(), clock.millis());
        }

        /**
         * Only the owner moves a Task forward (receives, accepts, rejects, starts, completes, fails it); only the
         * requester cancels it or puts a draft to requested. A Task without an owner is the requester's to move.
         */
        @Override
        public void checkChange(StoreSession session, Resource before, Resource after) {
            if (caller.unrestricted()) {
                return;
            }
            if (before instanceof Practitioner) {
                checkPractitionerChange(session, before.getIdElement().getIdPart());
            }
            if (before instanceof PractitionerRole role && !(unit.isPresent() && parties.unitsOf(session, role.getOrganization()).contains(unit.get()))) {
                throw Outcomes.forbidden("PractitionerRole/" + role.getIdElement().getIdPart() + " is changed only by its own unit"
                        + " (PractitionerRole.organization); " + who() + " is not it", "PractitionerRole.organization");
            }
            if (!(before instanceof Task was) || !(after instanceof Task now) || was.getStatus() == now.getStatus()) {
                return;
            }
            boolean requesterMove = now.getStatus() == TaskStatus.CANCELLED || now.getStatus() == TaskStatus.ENTEREDINERROR
                    || (was.getStatus() == TaskStatus.DRAFT && now.getStatus() == TaskStatus.REQUESTED) || !was.hasOwner();
            Reference who = requesterMove ? was.getRequester() : was.getOwner();
            if (unit.isPresent() && parties.unitsOf(session, who).contains(unit.get())) {
                return;
            }
            String role = requesterMove ? "requester (Task.requester)" : "owner (Task.owner)";
            String message = "Task status " + statusCode(was) + " -> " + statusCode(now) + " is for the Task's " + role
                    + " only; " + who() + " is not it";
            throw Outcomes.forbidden(message, "Task.status");
        }

        /** A person names no unit: changed only by a unit one of whose PractitionerRoles is theirs. */
        private void checkPractitionerChange(StoreSession session, String id) {
            boolean ownRole = unit.isPresent() && session.count("PractitionerRole", SearchQuery.of(List.of(
                    new Criterion.References("practitioner", List.of(new Criterion.ReferenceValue("Practitioner", id))),
                    new Criterion.PartyOf(unit.get())))) > 0;
            if (!ownRole) {
                String message = "Practitioner/" + id + " is changed only by a unit with a PractitionerRole of theirs"
                        + " (PractitionerRole.practitioner); " + who() + " has none";
                throw Outcomes.forbidden(message, "PractitionerRole.practitioner");
            }
        }

        @Override
        public String who() {
            return unit.map(u -> "unit " + u).orElse("a caller without a unit");
        }
    }

    private static String statusCode(Task task) {
        return task.hasStatus() ? task.getStatus().toCode() : "(none)";
    }
}
