package se.vardbrygga.adapter.outbox;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.Resource;
import se.vardbrygga.adapter.store.OutboxEntry;
import se.vardbrygga.adapter.store.StoreSession;
import se.vardbrygga.mappings.routing.Route;
import se.vardbrygga.mappings.routing.Routing;
import se.vardbrygga.mappings.routing.RoutingDecision;
import se.vardbrygga.mappings.rules.Facts;

/**
 * Writes the outbox rows of a resource version in the transaction that stores it: one per route the routing
 * decides (R-COM-1..3, R-INFO-1..3), and an {@code UNROUTABLE} row for a unit the resource must reach but has no
 * channel to, so that it shows up in the outbox instead of being dropped. The message id is derived from the
 * resource version and the route: the same on every attempt and never enqueued twice.
 */
public final class OutboxRouting {

    /** The routes of a resource about to be stored; a routed Task is marked queued (delivery-status) in it. */
    public RoutingDecision decide(Resource resource, Optional<Resource> before, Facts facts) {
        RoutingDecision decision = Routing.of(resource, before, facts);
        if (decision.routed()) {
            DeliveryRecords.markQueued(resource);
        }
        return decision;
    }

    /** Writes the outbox rows of the decision, in the transaction that stores the resource. */
    public void enqueue(StoreSession session, Resource resource, RoutingDecision decision, long now) {
        String type = resource.fhirType();
        String id = resource.getIdElement().getIdPart();
        int version = Integer.parseInt(resource.getMeta().getVersionId());
        for (Route route : decision.routes()) {
            session.enqueue(OutboxEntry.queued(messageId(type, id, version, route.channel() + route.endpoint()), type, id, version,
                    route.channel(), route.unit(), route.endpoint(), String.join(",", route.rules()), now));
        }
        for (String why : decision.unroutable()) {
            String rule = why.contains(":") ? why.substring(0, why.indexOf(':')) : "";
            session.enqueue(OutboxEntry.unroutable(messageId(type, id, version, why), type, id, version, rule, why, now));
        }
    }

    static String messageId(String type, String id, int version, String route) {
        return UUID.nameUUIDFromBytes((type + "/" + id + "/" + version + "/" + route).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
