package se.vardbrygga.adapter.it;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/** A plain HTTP client for the tests: exact control of methods, headers and bodies, as any EHR. */
public final class FhirHttp {
    static final FhirContext FHIR = FhirContext.forR4Cached();
    static final String JSON = "application/fhir+json";

    private final HttpClient client;
    private final String base;

    /** Over mutual TLS: {@code ssl} presents the client's certificate. */
    public FhirHttp(String base, javax.net.ssl.SSLContext ssl) {
        this(base, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).sslContext(ssl).build());
    }

    public FhirHttp(String base) {
        this(base, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
    }

    private FhirHttp(String base, HttpClient client) {
        this.client = client;
        this.base = base;
    }

    public Response get(String path, String... headers) {
        return send(builder(path, headers).GET());
    }

    public Response post(String path, String body, String... headers) {
        return send(builder(path, withContentType(headers)).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** POSTs a plain JSON document written with single quotes for readability ({@code {'a':'b'}}). */
    public Response postJson(String path, String singleQuotedJson) {
        return post(path, singleQuotedJson.replace('\'', '"'), "Content-Type", "application/json");
    }

    public Response post(String path, IBaseResource resource, String... headers) {
        return post(path, encode(resource), headers);
    }

    public Response put(String path, IBaseResource resource, String... headers) {
        return send(builder(path, withContentType(headers)).PUT(HttpRequest.BodyPublishers.ofString(encode(resource))));
    }

    public Response send(String method, String path, HttpRequest.BodyPublisher body, String... headers) {
        return send(builder(path, headers).method(method, body));
    }

    /** The number of matches of a search, e.g. {@code count("Task?code=...")}. */
    public int count(String query, String... headers) {
        Response r = get(query + (query.contains("?") ? "&" : "?") + "_summary=count", headers);
        if (r.status() != 200) {
            throw new IllegalStateException("count " + query + ": " + r);
        }
        return r.as(Bundle.class).getTotal();
    }

    public static String encode(IBaseResource resource) {
        return FHIR.newJsonParser().encodeResourceToString(resource);
    }

    private static String[] withContentType(String[] headers) {
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i].equalsIgnoreCase("Content-Type")) {
                return headers;
            }
        }
        String[] out = new String[headers.length + 2];
        System.arraycopy(headers, 0, out, 0, headers.length);
        out[headers.length] = "Content-Type";
        out[headers.length + 1] = JSON;
        return out;
    }

    private HttpRequest.Builder builder(String path, String... headers) {
        String url = path.startsWith("http") ? path : base + (path.startsWith("/") ? path : "/" + path);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(escape(url))).timeout(Duration.ofSeconds(30));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return b;
    }

    /** Percent-encodes what a URI cannot carry as is ('|', spaces, non-ASCII), leaving the rest. */
    private static String escape(String url) {
        StringBuilder out = new StringBuilder();
        for (byte b : url.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c > 0x20 && c < 0x7f && "|\"<>{}^`\\ ".indexOf(c) < 0) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }

    private Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> r = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r, r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, HttpResponse<String> raw, String body) {
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public <T extends Resource> T as(Class<T> type) {
            return FHIR.newJsonParser().parseResource(type, body);
        }

        /** The id of the first {@code type} in a transaction-response Bundle, from its entry's location. */
        public String createdId(String type) {
            if (status != 201 && status != 200) {
                throw new IllegalStateException("expected a transaction response, got " + this);
            }
            return as(Bundle.class).getEntry().stream().map(e -> e.getResponse().getLocation())
                    .filter(l -> l.startsWith(type + "/")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no " + type + " in " + body))
                    .split("/")[1];
        }

        public Resource resource() {
            return (Resource) FHIR.newJsonParser().parseResource(body);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
