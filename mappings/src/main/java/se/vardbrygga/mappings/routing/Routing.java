package se.vardbrygga.mappings.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import se.vardbrygga.mappings.Codes;
import se.vardbrygga.mappings.rules.CommunicationRules;
import se.vardbrygga.mappings.rules.Facts;
import se.vardbrygga.mappings.rules.InpatientStay;
import se.vardbrygga.mappings.rules.Units;
import se.vardbrygga.profiles.Canonical;

/**
 * Which channel carries a resource to the unit that receives it, as the agreements say (RULES.md "Communication
 * channels per situation" and R-INFO-1..3), decided from data: the kind of resource, the two units' principals, the
 * patient's ongoing inpatient stay, and the receiving unit's Endpoints in the directory.
 * <ul>
 * <li>one-way information to the emergency department: Cosmic Link (R-COM-2);</li>
 * <li>the home-care assignment: the Cosmic journal note of the health centre, mirrored to NPÖ, and a Lifecare SP
 *     "message outside the care episode" to the municipal unit (R-INFO-2);</li>
 * <li>the SIP invitation and the single home visit after inpatient care (its Task or SBAR handover): Lifecare SP
 *     (R-INFO-1, R-INFO-3);</li>
 * <li>anything else between the municipality and the region while the patient is in an inpatient stay: Cosmic Link
 *     (R-COM-3);</li>
 * <li>information about a planned outpatient visit: Cosmic Messenger if the clinic is connected, never Cosmic Link
 *     (R-COM-1); not connected: no route (the telephone, R-INFO-4).</li>
 * </ul>
 * A Task is routed when made and when its owner replies (status change): the reply goes back to the requester
 * through the same kind of channel.
 */
public final class Routing {
    public static final String COSMIC_LINK = "cosmic-link";
    public static final String COSMIC_MESSENGER = "cosmic-messenger";
    public static final String COSMIC_JOURNAL = "cosmic-journal";
    public static final String LIFECARE_SP = "lifecare-sp";
    public static final String NPO = "npo";

    private Routing() {
    }

    public static RoutingDecision of(Resource resource, Optional<Resource> before, Facts facts) {
        if (resource instanceof Task task) {
            return before.isEmpty() ? task(task, facts) : reply(task, (Task) before.get(), facts);
        }
        if (resource instanceof Communication communication && before.isEmpty()) {
            return communication(communication, facts);
        }
        return RoutingDecision.none("not a message to another unit");
    }

    private static RoutingDecision task(Task task, Facts facts) {
        if (task.getStatus() == Task.TaskStatus.ONHOLD) {
            return RoutingDecision.none("held for want of consent (R-CON-1): routed when released");
        }
        String code = task.getCode().getCodingFirstRep().getCode();
        Optional<Organization> to = unit(task.getOwner(), facts);
        Optional<Organization> from = unit(task.getRequester(), facts);
        if (to.isEmpty()) {
            return RoutingDecision.none("no receiving unit");
        }
        List<Route> routes = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        if ("home-care-assignment".equals(code)) {
            from.ifPresent(hc -> {
                add(routes, missing, hc, COSMIC_JOURNAL, facts, "R-INFO-2", "the journal note Uppdrag hemsjukvård in Cosmic");
                add(routes, missing, hc, NPO, facts, "R-INFO-2", "the note mirrored to NPÖ");
            });
            add(routes, missing, to.get(), LIFECARE_SP, facts, "R-INFO-2", "a message outside the care episode to the municipal unit");
            return decided(routes, missing, "home-care assignment (R-INFO-2)");
        }
        if ("sip-invitation".equals(code)) {
            add(routes, missing, to.get(), LIFECARE_SP, facts, "R-INFO-1", "the SIP invitation in Lifecare SP");
            return decided(routes, missing, "SIP invitation (R-INFO-1)");
        }
        if ("home-visit".equals(code) && from.map(f -> Units.isRegion(f)).orElse(false)) {
            add(routes, missing, to.get(), LIFECARE_SP, facts, "R-INFO-3", "the single home visit as a message outside the care episode");
            return decided(routes, missing, "home visit (R-INFO-3)");
        }
        return betweenPrincipals(from, to.get(), task.getFor(), facts);
    }

    /** The owner's reply (accepted, rejected, completed…) goes back to the requester's unit (R-INFO-2, R-INFO-3). */
    private static RoutingDecision reply(Task task, Task before, Facts facts) {
        if (task.getStatus() == before.getStatus() || task.getStatus() == Task.TaskStatus.ONHOLD) {
            return RoutingDecision.none("no reply: the status did not change");
        }
        if (before.getStatus() == Task.TaskStatus.ONHOLD && task.getStatus() == Task.TaskStatus.REQUESTED) {
            return task(task, facts); // released by a consent (R-CON-1): now it goes out
        }
        Task backwards = task.copy().setOwner(task.getRequester()).setRequester(task.getOwner());
        RoutingDecision forward = task(backwards.setStatus(Task.TaskStatus.REQUESTED), facts);
        List<Route> replies = forward.routes().stream()
                .filter(r -> !NPO.equals(r.channel()) && !COSMIC_JOURNAL.equals(r.channel()))
                .toList();
        return new RoutingDecision(replies, forward.unroutable(), "reply to the requester: " + forward.explanation());
    }

    private static RoutingDecision communication(Communication c, Facts facts) {
        Optional<Organization> from = unit(c.getSender(), facts);
        List<Route> routes = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Reference recipient : c.getRecipient()) {
            Optional<Organization> to = unit(recipient, facts);
            if (to.isEmpty()) {
                continue;
            }
            if (CommunicationRules.isOneWay(c)) {
                add(routes, missing, to.get(), COSMIC_LINK, facts, "R-COM-2", "one-way information to the emergency department");
            } else if (c.hasBasedOn() && c.getCategory().stream().anyMatch(cc -> Codes.hasCoding(cc, Canonical.COMMUNICATION_CATEGORY, "sbar-handover"))) {
                add(routes, missing, to.get(), LIFECARE_SP, facts, "R-INFO-3", "the SBAR handover of a single home visit");
            } else {
                RoutingDecision between = betweenPrincipals(from, to.get(), c.getSubject(), facts);
                routes.addAll(between.routes());
                missing.addAll(between.unroutable());
            }
        }
        return decided(routes, missing, "communication to " + c.getRecipient().size() + " recipient(s)");
    }

    private static RoutingDecision betweenPrincipals(Optional<Organization> from, Organization to, Reference patient, Facts facts) {
        boolean crosses = from.map(f -> Units.isRegion(f) != Units.isRegion(to)).orElse(true);
        if (!crosses) {
            return RoutingDecision.none("within one principal: no channel between principals");
        }
        List<Route> routes = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        boolean inpatient = patient.getReference() != null && !InpatientStay.ongoingFor(patient.getReference(), facts).isEmpty();
        if (inpatient) {
            add(routes, missing, to, COSMIC_LINK, facts, "R-COM-3", "the patient is in an inpatient stay");
            return decided(routes, missing, "inpatient stay (R-COM-3)");
        }
        if (Units.isRegion(to) && endpoint(to, COSMIC_MESSENGER, facts).isPresent()) {
            add(routes, missing, to, COSMIC_MESSENGER, facts, "R-COM-1", "a connected clinic: Cosmic Messenger, never Cosmic Link");
            return decided(routes, missing, "planned care (R-COM-1)");
        }
        return new RoutingDecision(List.of(), List.of("R-COM-1: no channel to " + name(to)
                + " outside an inpatient stay (not connected to Cosmic Messenger): by telephone (R-INFO-4)"), "planned care (R-COM-1)");
    }

    private static RoutingDecision decided(List<Route> routes, List<String> missing, String explanation) {
        return new RoutingDecision(List.copyOf(routes), List.copyOf(missing), explanation);
    }

    private static void add(List<Route> routes, List<String> missing, Organization unit, String channel, Facts facts,
                            String rule, String reason) {
        Optional<Endpoint> endpoint = endpoint(unit, channel, facts);
        if (endpoint.isPresent()) {
            routes.add(new Route(channel, "Organization/" + unit.getIdElement().getIdPart(),
                    "Endpoint/" + endpoint.get().getIdElement().getIdPart(), List.of(rule), reason));
        } else {
            missing.add(rule + ": " + name(unit) + " has no active " + channel + " Endpoint in the directory");
        }
    }

    private static String name(Organization unit) {
        return "Organization/" + unit.getIdElement().getIdPart();
    }

    /** The patient a routed message is about ({@code Patient/<id>}): a Task's {@code for}, a Communication's subject. */
    public static Optional<String> patientOf(Resource resource) {
        Reference patient = resource instanceof Task t ? t.getFor() : resource instanceof Communication c ? c.getSubject() : null;
        return patient == null || patient.getReference() == null || !patient.getReference().startsWith("Patient/")
                ? Optional.empty() : Optional.of(patient.getReference());
    }

    /** The unit's active Endpoint of a channel kind (Organization.endpoint, connectionType endpoint-type). */
    public static Optional<Endpoint> endpoint(Organization unit, String channel, Facts facts) {
        return unit.getEndpoint().stream()
                .map(facts::resolve).flatMap(Optional::stream)
                .filter(Endpoint.class::isInstance).map(Endpoint.class::cast)
                .filter(e -> e.getStatus() == Endpoint.EndpointStatus.ACTIVE)
                .filter(e -> Canonical.ENDPOINT_TYPE.equals(e.getConnectionType().getSystem())
                        && channel.equals(e.getConnectionType().getCode()))
                .findFirst();
    }

    private static Optional<Organization> unit(Reference reference, Facts facts) {
        return reference == null || reference.getReference() == null ? Optional.empty() : Units.organizationOf(reference, facts);
    }
}
