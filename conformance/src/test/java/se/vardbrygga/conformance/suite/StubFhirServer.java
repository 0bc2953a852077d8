package se.vardbrygga.conformance.suite;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A tiny FHIR server for tests on 127.0.0.1, port 0, base {@code /fhir}. A test sets the answer of each
 * {@code METHOD /path} (path below the base, without the query); anything else answers 404 with an
 * OperationOutcome. Every request is recorded.
 */
public final class StubFhirServer implements AutoCloseable {

    /** One request as the server received it; {@code path} is below the base ({@code /Task/1}), {@code query} decoded. */
    public record Request(String method, String path, String query, Map<String, List<String>> headers, String body) {

        /** The first value of a request header (case-insensitive), or null. */
        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    /** An answer: status, headers (Content-Type application/fhir+json unless set) and body. */
    public record Response(int status, Map<String, String> headers, String body) {

        public static Response of(int status, String body) {
            return new Response(status, Map.of(), body);
        }

        public Response withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Response(status, more, body);
        }
    }

    public static final String NOT_FOUND = """
            {"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"not-found","diagnostics":"no such route"}]}""";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Map<String, Function<Request, Response>> routes = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private StubFhirServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public static StubFhirServer start() throws IOException {
        return new StubFhirServer();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/fhir";
    }

    /** Sets the answer of {@code method path}, e.g. {@code on("GET", "/metadata", r -> …)}. */
    public StubFhirServer on(String method, String path, Function<Request, Response> handler) {
        routes.put(method + " " + path, handler);
        return this;
    }

    /** Sets a fixed answer of {@code method path}. */
    public StubFhirServer on(String method, String path, Response response) {
        return on(method, path, r -> response);
    }

    public List<Request> requests() {
        return new ArrayList<>(requests);
    }

    /** The requests to one path (below the base), in order. */
    public List<Request> requests(String method, String path) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String fullPath = exchange.getRequestURI().getPath();
            String path = fullPath.startsWith("/fhir") ? fullPath.substring("/fhir".length()) : fullPath;
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, List.copyOf(v)));
            Request request = new Request(exchange.getRequestMethod(), path, exchange.getRequestURI().getQuery(), headers,
                    body.isEmpty() ? null : body);
            requests.add(request);
            Function<Request, Response> handler = routes.get(request.method() + " " + path);
            Response response = handler == null ? Response.of(404, NOT_FOUND) : handler.apply(request);
            respond(exchange, response);
        } catch (RuntimeException e) {
            respond(exchange, Response.of(500, "{\"resourceType\":\"OperationOutcome\"}"));
        } finally {
            exchange.close();
        }
    }

    private static void respond(HttpExchange exchange, Response response) throws IOException {
        byte[] bytes = response.body() == null ? new byte[0] : response.body().getBytes(StandardCharsets.UTF_8);
        if (response.headers().keySet().stream().noneMatch(k -> k.equalsIgnoreCase("Content-Type"))) {
            exchange.getResponseHeaders().add("Content-Type", "application/fhir+json");
        }
        response.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    /** Stops listening: a later request is refused. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
