package se.vardbrygga.conformance.suite;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hl7.fhir.r4.model.TestScript;

/**
 * Carries out one operation of a TestScript: builds the request from its type, resource, params, url, source and
 * target fixtures and headers (variables filled in), sends it, and keeps the answer under its {@code responseId}.
 * An operation passes when an answer came; whether it is the right answer is for the asserts that follow.
 */
final class OperationStep {
    private final ServerConnection server;
    private final Map<Integer, java.util.function.Supplier<String>> origins;

    OperationStep(ServerConnection server, Map<Integer, java.util.function.Supplier<String>> origins) {
        this.server = server;
        this.origins = origins;
    }

    ActionResult run(TestScript.SetupActionOperationComponent op, ScriptContext context) {
        String label = label(op);
        Exchange exchange;
        try {
            Request request = request(op, context);
            String path = op.getEncodeRequestUrl() ? encodeQuery(request.path()) : request.path();
            exchange = server.send(request.method(), path, request.body(), request.headers());
        } catch (ScriptContext.ScriptException e) {
            return ActionResult.operation(label, Outcome.ERROR, e.getMessage(), null);
        }
        context.record(op.getResponseId(), exchange);
        if (exchange.status() == 0) {
            return ActionResult.operation(label, Outcome.ERROR, exchange.responseBody(), exchange);
        }
        return ActionResult.operation(label, Outcome.PASS, exchange.method() + " " + exchange.url() + " -> " + exchange.status(), exchange);
    }

    private record Request(String method, String path, String body, Map<String, String> headers) {
    }

    private Request request(TestScript.SetupActionOperationComponent op, ScriptContext context) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (op.hasOrigin()) { // sent as that client
            java.util.function.Supplier<String> origin = origins.get(op.getOrigin());
            if (origin == null) {
                throw new ScriptContext.ScriptException("no credentials for origin " + op.getOrigin());
            }
            headers.put("Authorization", origin.get());
        }
        op.getRequestHeader().forEach(h -> headers.put(h.getField(), context.substitute(h.getValue())));
        String body = op.hasSourceId() ? context.body(op.getSourceId())
                .orElseThrow(() -> new ScriptContext.ScriptException("no fixture or answer '" + op.getSourceId() + "'")) : null;
        String params = context.substitute(op.getParams() == null ? "" : op.getParams());
        if (op.hasUrl()) {
            String method = op.hasMethod() ? op.getMethod().toCode().toUpperCase(java.util.Locale.ROOT) : body == null ? "GET" : "POST";
            return new Request(method, context.substitute(op.getUrl()), body, headers);
        }
        String code = op.hasType() ? op.getType().getCode() : "";
        String type = op.getResource();
        return switch (code) {
            case "read", "vread" -> new Request("GET", instance(op, context) + params, null, headers);
            case "history" -> new Request("GET", instance(op, context) + "/_history" + params, null, headers);
            case "create" -> new Request("POST", type + params, body, headers);
            case "update" -> new Request("PUT", instance(op, context) + params, body, headers);
            case "delete" -> new Request("DELETE", instance(op, context) + params, null, headers);
            case "search" -> new Request("GET", type + (params.startsWith("?") || params.isEmpty() ? params : "?" + params), null, headers);
            case "transaction", "batch" -> new Request("POST", "", body, headers);
            case "capabilities" -> new Request("GET", "metadata", null, headers);
            default -> throw new ScriptContext.ScriptException("operation type '" + code + "' needs a url");
        };
    }

    /**
     * {@code encodeRequestUrl}: the script holds the URL unencoded, so each query value is percent-encoded (UTF-8,
     * a space as {@code %20}); parameter names (with their modifiers) and the path are left as they are. Without it
     * only characters a URI cannot hold are encoded ({@link ServerConnection#uri}).
     */
    static String encodeQuery(String path) {
        int q = path.indexOf('?');
        if (q < 0) {
            return path;
        }
        StringBuilder out = new StringBuilder(path.substring(0, q + 1));
        String[] pairs = path.substring(q + 1).split("&", -1);
        for (int i = 0; i < pairs.length; i++) {
            int eq = pairs[i].indexOf('=');
            out.append(i == 0 ? "" : "&");
            out.append(eq < 0 ? pairs[i] : pairs[i].substring(0, eq + 1)
                    + java.net.URLEncoder.encode(pairs[i].substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return out.toString();
    }

    /** {@code Type/id} of the resource its targetId names (an answer's Location or a fixture's id), or {@code Type} when params give the id. */
    private String instance(TestScript.SetupActionOperationComponent op, ScriptContext context) {
        if (!op.hasTargetId()) {
            return op.getResource();
        }
        return op.getResource() + "/" + context.idOf(op.getTargetId())
                .orElseThrow(() -> new ScriptContext.ScriptException("no id for target '" + op.getTargetId() + "' (did its create pass?)"));
    }

    /** How reports name an operation: its label, else its description, else what it does. */
    static String label(TestScript.SetupActionOperationComponent op) {
        return op.hasLabel() ? op.getLabel() : op.hasDescription() ? op.getDescription() : describe(op);
    }

    private static String describe(TestScript.SetupActionOperationComponent op) {
        return (op.hasType() ? op.getType().getCode() : op.getMethod() == null ? "request" : op.getMethod().toCode())
                + (op.hasResource() ? " " + op.getResource() : "") + (op.hasParams() ? " " + op.getParams() : "")
                + (op.hasUrl() ? " " + op.getUrl() : "");
    }
}
