package se.vardbrygga.conformance.load;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** A tiny in-test FHIR server for Task create/read on loopback, port 0. */
final class FakeFhirServer implements AutoCloseable {

    enum Mode { HEALTHY, FAIL_500, NO_LOCATION }

    private final Mode mode;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final AtomicInteger nextId = new AtomicInteger(1);
    private final Set<String> ids = ConcurrentHashMap.newKeySet();
    final AtomicInteger creates = new AtomicInteger();
    final AtomicInteger reads = new AtomicInteger();
    final AtomicReference<String> lastAuthorization = new AtomicReference<>();
    final AtomicReference<String> lastContentType = new AtomicReference<>();
    final AtomicReference<String> lastCreateBody = new AtomicReference<>();

    private FakeFhirServer(Mode mode) throws IOException {
        this.mode = mode;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/fhir/Task", this::handle);
        server.createContext("/fhir", this::fixture);
        server.setExecutor(executor);
        server.start();
    }

    static FakeFhirServer start(Mode mode) throws IOException {
        return new FakeFhirServer(mode);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/fhir";
    }

    /** The load fixture transaction: four created entries, whatever the mode (the modes are about Tasks). */
    private void fixture(HttpExchange exchange) throws IOException {
        try {
            exchange.getRequestBody().readAllBytes();
            if (exchange.getRequestMethod().equals("POST") && exchange.getRequestURI().getPath().equals("/fhir")) {
                StringBuilder entries = new StringBuilder();
                for (String location : new String[] {"Organization/w", "Organization/h", "Patient/p", "CarePlan/c"}) {
                    entries.append(entries.length() == 0 ? "" : ",").append("{\"response\":{\"status\":\"201 Created\",")
                            .append("\"location\":\"").append(location).append("/_history/1\"}}");
                }
                respond(exchange, 200, "{\"resourceType\":\"Bundle\",\"type\":\"transaction-response\",\"entry\":[" + entries + "]}");
            } else {
                respond(exchange, 404, "{\"resourceType\":\"OperationOutcome\"}");
            }
        } finally {
            exchange.close();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            lastAuthorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            if (mode == Mode.FAIL_500) {
                respond(exchange, 500, "{\"resourceType\":\"OperationOutcome\"}");
            } else if (method.equals("POST") && path.equals("/fhir/Task")) {
                creates.incrementAndGet();
                lastContentType.set(exchange.getRequestHeaders().getFirst("Content-Type"));
                lastCreateBody.set(body);
                String id = String.valueOf(nextId.getAndIncrement());
                ids.add(id);
                if (mode != Mode.NO_LOCATION) {
                    exchange.getResponseHeaders().add("Location", baseUrl() + "/Task/" + id + "/_history/1");
                }
                respond(exchange, 201, "{\"resourceType\":\"Task\",\"id\":\"" + id + "\"}");
            } else if (method.equals("GET") && path.startsWith("/fhir/Task/") && ids.contains(path.substring(11))) {
                reads.incrementAndGet();
                respond(exchange, 200, "{\"resourceType\":\"Task\",\"id\":\"" + path.substring(11) + "\"}");
            } else {
                respond(exchange, 404, "{\"resourceType\":\"OperationOutcome\"}");
            }
        } finally {
            exchange.close();
        }
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
