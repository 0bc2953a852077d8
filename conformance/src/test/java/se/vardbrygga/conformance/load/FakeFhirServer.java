package se.vardbrygga.conformance.load;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A tiny in-test FHIR server on loopback, port 0, for what the load scenarios send: the fixture (Organization search
 * by HSA-id, the fixture transaction), the handover transaction, Task create, search and read. It answers the demo's
 * units as {@code Organization/w} (the requester) and {@code Organization/h} (the owner); any other HSA-id is unknown.
 */
final class FakeFhirServer implements AutoCloseable {

    enum Mode { HEALTHY, FAIL_500, NO_LOCATION }

    private static final Map<String, String> UNITS = Map.of(LoadSubjects.DEMO.requesterHsaId(), "w", LoadSubjects.DEMO.ownerHsaId(), "h");

    private final Mode mode;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final AtomicInteger nextId = new AtomicInteger(1);
    private final Set<String> ids = ConcurrentHashMap.newKeySet();
    final AtomicInteger creates = new AtomicInteger();
    final AtomicInteger handovers = new AtomicInteger();
    final AtomicInteger reads = new AtomicInteger();
    final AtomicInteger searches = new AtomicInteger();
    /** The Authorization header last seen per kind of request: "write", "search", "read", "fixture". */
    final Map<String, String> authorization = new ConcurrentHashMap<>();
    final AtomicReference<String> lastContentType = new AtomicReference<>();
    final AtomicReference<String> lastCreateBody = new AtomicReference<>();
    final AtomicReference<String> lastFixtureBody = new AtomicReference<>();

    private FakeFhirServer(Mode mode) throws IOException {
        this.mode = mode;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/fhir", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    static FakeFhirServer start(Mode mode) throws IOException {
        return new FakeFhirServer(mode);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/fhir";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getQuery();
            String method = exchange.getRequestMethod();
            String auth = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
            if (method.equals("GET") && path.equals("/fhir/Organization")) {
                authorization.put("fixture", auth);
                String hsaId = query == null ? "" : query.substring(query.indexOf('|') + 1);
                String id = UNITS.get(hsaId);
                respond(exchange, 200, "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":["
                        + (id == null ? "" : "{\"resource\":{\"resourceType\":\"Organization\",\"id\":\"" + id + "\"}}") + "]}");
            } else if (method.equals("POST") && path.equals("/fhir") && !body.contains("\"ServiceRequest\"")) {
                authorization.put("fixture", auth);
                lastFixtureBody.set(body);
                respond(exchange, 200, transactionResponse("Practitioner/d", "PractitionerRole/r", "Patient/p", "Consent/c"));
            } else if (mode == Mode.FAIL_500) {
                respond(exchange, 500, "{\"resourceType\":\"OperationOutcome\"}");
            } else if (method.equals("POST") && path.equals("/fhir")) {
                authorization.put("write", auth);
                lastCreateBody.set(body);
                handovers.incrementAndGet();
                String id = String.valueOf(nextId.getAndIncrement());
                ids.add(id);
                respond(exchange, 200, transactionResponse("ServiceRequest/s" + id, "Task/" + id, "Communication/c" + id));
            } else if (method.equals("POST") && path.equals("/fhir/Task")) {
                authorization.put("write", auth);
                creates.incrementAndGet();
                lastContentType.set(exchange.getRequestHeaders().getFirst("Content-Type"));
                lastCreateBody.set(body);
                String id = String.valueOf(nextId.getAndIncrement());
                ids.add(id);
                if (mode != Mode.NO_LOCATION) {
                    exchange.getResponseHeaders().add("Location", baseUrl() + "/Task/" + id + "/_history/1");
                }
                respond(exchange, 201, "{\"resourceType\":\"Task\",\"id\":\"" + id + "\"}");
            } else if (method.equals("GET") && path.equals("/fhir/Task") && query != null) {
                authorization.put("search", auth);
                searches.incrementAndGet();
                respond(exchange, 200, "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[]}");
            } else if (method.equals("GET") && path.startsWith("/fhir/Task/") && ids.contains(path.substring(11))) {
                authorization.put("read", auth);
                reads.incrementAndGet();
                respond(exchange, 200, "{\"resourceType\":\"Task\",\"id\":\"" + path.substring(11) + "\"}");
            } else {
                respond(exchange, 404, "{\"resourceType\":\"OperationOutcome\"}");
            }
        } finally {
            exchange.close();
        }
    }

    private static String transactionResponse(String... locations) {
        StringBuilder entries = new StringBuilder();
        for (String location : locations) {
            entries.append(entries.length() == 0 ? "" : ",").append("{\"response\":{\"status\":\"201 Created\",")
                    .append("\"location\":\"").append(location).append("/_history/1\"}}");
        }
        return "{\"resourceType\":\"Bundle\",\"type\":\"transaction-response\",\"entry\":[" + entries + "]}";
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/fhir+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
