package se.vardbrygga.mappings.routing;

import java.util.List;

/**
 * What routing decided for a write: the routes to take; or nothing to route (it stays with the adapter, e.g. a
 * Provenance or a change inside one unit); or a resource that must reach another unit but has no channel to it —
 * an error a tester can see ({@code GET .../$routes}, the outbox), never a silent drop.
 */
public record RoutingDecision(List<Route> routes, List<String> unroutable, String explanation) {

    public static RoutingDecision none(String why) {
        return new RoutingDecision(List.of(), List.of(), why);
    }

    public boolean routed() {
        return !routes.isEmpty();
    }
}
