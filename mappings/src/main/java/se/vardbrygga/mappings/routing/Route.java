package se.vardbrygga.mappings.routing;

import java.util.List;

/**
 * Where a resource goes: the channel kind (an endpoint-type code), the receiving unit and the Endpoint of that unit
 * that carries it, and the rules that chose it.
 */
public record Route(String channel, String unit, String endpoint, List<String> rules, String reason) {
}
