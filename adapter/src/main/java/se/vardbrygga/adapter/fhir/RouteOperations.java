package se.vardbrygga.adapter.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import se.vardbrygga.adapter.store.OutboxEntry;
import se.vardbrygga.adapter.store.ResourceStore;
import se.vardbrygga.adapter.store.StoreSession;
import se.vardbrygga.mappings.routing.Route;
import se.vardbrygga.mappings.routing.Routing;
import se.vardbrygga.mappings.routing.RoutingDecision;
import se.vardbrygga.profiles.Canonical;

/**
 * {@code GET Task/{id}/$routes} and {@code GET Communication/{id}/$routes}: why the resource goes where it goes —
 * the routing decision with its rule ids and reasons (R-COM-1..3, R-INFO-1..3), what has no channel, and each
 * delivery in the outbox with its status, attempts and last error.
 */
public final class RouteOperations {
    private final ResourceService service;
    private final ResourceStore store;
    private final Clock clock;

    public RouteOperations(ResourceService service, ResourceStore store, Clock clock) {
        this.service = service;
        this.store = store;
        this.clock = clock;
    }

    @Operation(name = "$routes", type = Task.class, idempotent = true)
    public Parameters taskRoutes(@IdParam IdType id) {
        return routes("Task", id.getIdPart());
    }

    @Operation(name = "$routes", type = Communication.class, idempotent = true)
    public Parameters communicationRoutes(@IdParam IdType id) {
        return routes("Communication", id.getIdPart());
    }

    private Parameters routes(String type, String id) {
        return store.inTransaction(session -> {
            Resource resource = service.read(session, type, id);
            RoutingDecision decision = Routing.of(resource, Optional.empty(), new StoreFacts(session, service, clock));
            Parameters out = new Parameters();
            out.addParameter().setName("explanation").setValue(new StringType(decision.explanation()));
            for (Route route : decision.routes()) {
                Parameters.ParametersParameterComponent p = out.addParameter().setName("route");
                p.addPart().setName("channel").setValue(new Coding(Canonical.ENDPOINT_TYPE, route.channel(), null));
                p.addPart().setName("unit").setValue(new Reference(route.unit()));
                p.addPart().setName("endpoint").setValue(new Reference(route.endpoint()));
                route.rules().forEach(rule -> p.addPart().setName("rule").setValue(new Coding(Canonical.RULE, rule, null)));
                p.addPart().setName("reason").setValue(new StringType(route.reason()));
            }
            decision.unroutable().forEach(why -> out.addParameter().setName("unroutable").setValue(new StringType(why)));
            deliveries(session, type + "/" + id, out);
            return out;
        });
    }

    private static void deliveries(StoreSession session, String resource, Parameters out) {
        for (OutboxEntry e : session.outbox(null, resource, 100)) {
            Parameters.ParametersParameterComponent p = out.addParameter().setName("delivery");
            p.addPart().setName("version").setValue(new IntegerType(e.resourceVersion()));
            if (e.channel() != null) {
                p.addPart().setName("channel").setValue(new Coding(Canonical.ENDPOINT_TYPE, e.channel(), null));
                p.addPart().setName("endpoint").setValue(new Reference(e.endpoint()));
            }
            p.addPart().setName("status").setValue(new StringType(e.status().code()));
            p.addPart().setName("attempts").setValue(new IntegerType(e.attempts()));
            if (e.delivered() != null) {
                p.addPart().setName("delivered").setValue(new InstantType(java.util.Date.from(Instant.ofEpochMilli(e.delivered()))));
            }
            if (e.lastError() != null) {
                p.addPart().setName("lastError").setValue(new StringType(e.lastError()));
            }
        }
    }
}
