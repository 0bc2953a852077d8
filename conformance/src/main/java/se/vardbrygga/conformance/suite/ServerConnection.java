package se.vardbrygga.conformance.suite;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * HTTP to the server under test, the only network the suite uses: every request carries the credentials'
 * Authorization header and asks for FHIR JSON; every answer (or the failure to get one) becomes an {@link Exchange}.
 */
public final class ServerConnection {
    private static final String FHIR_JSON = "application/fhir+json";

    private final HttpClient http;
    private final String baseUrl;
    private final Supplier<String> authorization;
    private final Duration timeout;

    public ServerConnection(HttpClient http, String baseUrl, Supplier<String> authorization, Duration timeout) {
        this.http = http;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.authorization = authorization;
        this.timeout = timeout;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** The absolute URL of a path relative to the base ({@code Task?owner=x}, {@code /metadata}) or an absolute URL as is. */
    public String resolve(String pathOrUrl) {
        if (pathOrUrl.startsWith("http://") || pathOrUrl.startsWith("https://")) {
            return pathOrUrl;
        }
        if (pathOrUrl.isEmpty()) {
            return baseUrl;
        }
        return baseUrl + (pathOrUrl.startsWith("/") || pathOrUrl.startsWith("?") ? "" : "/") + pathOrUrl;
    }

    /**
     * The URI of a URL as scripts write it: characters a URI may not hold ({@code |} of token searches, spaces, …)
     * percent-encoded, what is already encoded left as is.
     */
    static URI uri(String url) {
        StringBuilder out = new StringBuilder(url.length());
        for (char c : url.toCharArray()) {
            if (c == '|' || c == ' ' || c == '"' || c == '<' || c == '>' || c == '{' || c == '}' || c == '^' || c == '`' || c == '\\') {
                out.append('%').append(String.format("%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        return URI.create(out.toString());
    }

    /** Sends one request; extra headers override the defaults (Accept, Content-Type, Authorization). */
    public Exchange send(String method, String pathOrUrl, String body, Map<String, String> headers) {
        String url = resolve(pathOrUrl);
        Map<String, String> sent = new LinkedHashMap<>();
        sent.put("Accept", FHIR_JSON);
        String auth = url.startsWith(baseUrl) ? authorization.get() : null; // a URL elsewhere (a tester's switch) gets no token
        if (auth != null) {
            sent.put("Authorization", auth);
        }
        if (body != null) {
            sent.put("Content-Type", FHIR_JSON);
        }
        sent.putAll(headers);
        Map<String, List<String>> requestHeaders = new LinkedHashMap<>();
        sent.forEach((k, v) -> requestHeaders.put(k, List.of(v)));
        long start = System.nanoTime();
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(url)).timeout(timeout)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            sent.forEach(request::header);
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Exchange(method, url, requestHeaders, body, response.statusCode(), response.headers().map(), response.body(),
                    (System.nanoTime() - start) / 1_000_000);
        } catch (IOException | IllegalArgumentException e) {
            return new Exchange(method, url, requestHeaders, body, 0, Map.of(), "no answer: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), (System.nanoTime() - start) / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Exchange(method, url, requestHeaders, body, 0, Map.of(), "no answer: interrupted", 0);
        }
    }
}
