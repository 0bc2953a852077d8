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

    public void enqueue(StoreSession session, Resource resource, Optional<Resource> before, Facts facts, long now) {
        RoutingDecision decision = Routing.of(resource, before, facts);
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

    /** What routing decides for a stored resource, as it would now: for {@code $routes}. */
    public RoutingDecision explain(Resource resource, Facts facts) {
        return Routing.of(resource, Optional.empty(), facts);
    }

    static String messageId(String type, String id, int version, String route) {
        return UUID.nameUUIDFromBytes((type + "/" + id + "/" + version + "/" + route).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
