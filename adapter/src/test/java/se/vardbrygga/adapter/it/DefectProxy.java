package se.vardbrygga.adapter.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A deliberately broken server for the conformance suite: an HTTP proxy in front of the real adapter that breaks
 * exactly one thing, so that a test can show the suite catches it. Everything else is passed through unchanged.
 */
final class DefectProxy implements AutoCloseable {

    /** One planted defect: how the proxy changes a request before it is sent, and an answer before it is returned. */
    enum Defect {
        /** Profile validation off: a create the server refuses as invalid (422) is answered 201 with what was sent. */
        ACCEPTS_INVALID_RESOURCE,
        /** Task search ignores {@code status}: the parameter is dropped before the server sees it. */
        IGNORES_TASK_STATUS_PARAMETER,
        /** The Task state machine is not enforced: an update the server refuses as a conflict (409) is answered 200. */
        ALLOWS_ILLEGAL_TRANSITION
    }

    private final HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String target;
    private final Defect defect;

    private DefectProxy(String target, Defect defect) throws IOException {
        this.target = target;
        this.defect = defect;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    /** A proxy to {@code target} (scheme, host and port of the adapter) with one defect. */
    static DefectProxy start(String target, Defect defect) throws IOException {
        return new DefectProxy(target, defect);
    }

    /** The FHIR base URL through the proxy. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/fhir";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            if (defect == Defect.IGNORES_TASK_STATUS_PARAMETER && method.equals("GET") && path.equals("/fhir/Task") && query != null) {
                query = String.join("&", List.of(query.split("&")).stream().filter(p -> !p.startsWith("status=")).toList());
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + path + (query == null || query.isEmpty() ? "" : "?" + query)))
                    .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            for (String header : List.of("Authorization", "Content-Type", "Accept", "If-Match", "If-None-Exist", "Prefer")) {
                String value = exchange.getRequestHeaders().getFirst(header);
                if (value != null) {
                    request.header(header, value);
                }
            }
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            int status = response.statusCode();
            byte[] answer = response.body();
            boolean typeLevel = path.matches("/fhir/[A-Z][A-Za-z]+");
            if (defect == Defect.ACCEPTS_INVALID_RESOURCE && method.equals("POST") && typeLevel && status == 422) {
                status = 201;
                answer = body;
            }
            if (defect == Defect.ALLOWS_ILLEGAL_TRANSITION && method.equals("PUT") && path.startsWith("/fhir/Task/") && status == 409) {
                status = 200;
                answer = body;
            }
            response.headers().firstValue("Content-Type").ifPresent(v -> exchange.getResponseHeaders().add("Content-Type", v));
            response.headers().firstValue("Location").ifPresent(v -> exchange.getResponseHeaders().add("Location", v));
            exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                exchange.getResponseBody().write(answer);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
