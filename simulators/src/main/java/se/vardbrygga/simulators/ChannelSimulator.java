package se.vardbrygga.simulators;

import ca.uhn.fhir.context.FhirContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;

/**
 * A stand-in for one downstream system, as a real HTTP server on its own port, path prefix {@code /<name>}:
 * <ul>
 * <li>{@link Kind#FHIR_REST} (Cosmic Link, Cosmic Messenger, the Cosmic journal, NPÖ): {@code POST /<name>/oauth2/token}
 *     (OAuth2 client credentials) and {@code POST /<name>/fhir/<Type>} with a Bearer token; a conditional create
 *     ({@code If-None-Exist: identifier=...}) on a known identifier answers 200 with the stored resource and is
 *     not acted on again;</li>
 * <li>{@link Kind#NPO}: the same writing as FHIR REST, and {@code GET /<name>/fhir/DocumentReference?subject=Patient/x}
 *     to read the published notes, only with the patient's consent: the reader names it in the header
 *     {@value #CONSENT_HEADER} (403 without);</li>
 * <li>{@link Kind#MESSAGING} (Lifecare SP): {@code POST /<name>/fhir/$process-message} with a message Bundle
 *     (MessageHeader first); a Bundle.id seen before is a duplicate: acknowledged, not acted on.</li>
 * </ul>
 * Modes, switched by {@link #mode(Mode)} or {@code POST /<name>/_sim/mode?set=down}: up, down (the connection is
 * dropped without an answer), slow, 5xx (503), reject (422, or a fatal-error acknowledgement). {@link #actedOn()}
 * counts each message once: the test of "exactly once".
 *
 * <p>A message tagged {@link #HANDLED_SYSTEM}|{@link #HANDLED_CODE} in {@code meta.tag} (the resource, or an entry of
 * a message Bundle) was already handled by the outage routine while this system was down (R-OUT-1): it is recorded
 * ({@link #reconciled()}) and not acted on again.
 */
public final class ChannelSimulator implements AutoCloseable {
    public enum Kind { FHIR_REST, NPO, MESSAGING }

    public enum Mode { UP, DOWN, SLOW, ERROR_5XX, REJECT }

    public static final String CLIENT_ID = "vardbrygga";
    public static final String CLIENT_SECRET = "demo-secret";
    /** The tag of a message that the outage routine already handled: recorded, not acted on. */
    /** The header in which a reader of NPÖ names the patient's consent to the reading. */
    public static final String CONSENT_HEADER = "X-Patient-Consent";
    public static final String HANDLED_SYSTEM = "http://vardbrygga.example/fhir/CodeSystem/delivery-status";
    public static final String HANDLED_CODE = "fallback-sent";

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    private final String name;
    private final Kind kind;
    private final HttpServer server;
    private final ExecutorService threads;
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    private final Map<String, String> actedOn = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, String> reconciled = Collections.synchronizedMap(new LinkedHashMap<>());
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger duplicates = new AtomicInteger();
    private volatile Mode mode = Mode.UP;
    private volatile Duration slow = Duration.ofSeconds(2);

    private ChannelSimulator(String name, Kind kind, HttpServer server, ExecutorService threads) {
        this.name = name;
        this.kind = kind;
        this.server = server;
        this.threads = threads;
    }

    static {
        // answer without Nagle's delay: headers and body go out as written (else ~40 ms per small response)
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** Starts on {@code port} (0: any free port). */
    public static ChannelSimulator start(String name, Kind kind, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        ExecutorService threads = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "sim-" + name);
            t.setDaemon(true);
            return t;
        });
        ChannelSimulator simulator = new ChannelSimulator(name, kind, server, threads);
        server.createContext("/" + name + "/", simulator::handle);
        server.setExecutor(threads);
        server.start();
        return simulator;
    }

    /** The FHIR base the directory's Endpoint.address names, e.g. {@code http://localhost:9101/cosmic-link/fhir}. */
    public String fhirBase() {
        return "http://localhost:" + server.getAddress().getPort() + "/" + name + "/fhir";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    public void slowBy(Duration delay) {
        this.slow = delay;
    }

    /** The messages acted on, once each: message id (identifier or Bundle.id) to the resource as received. */
    public Map<String, String> actedOn() {
        synchronized (actedOn) {
            return new LinkedHashMap<>(actedOn);
        }
    }

    /** Messages recorded as already handled by the outage routine, not acted on: message id to the resource. */
    public Map<String, String> reconciled() {
        synchronized (actedOn) {
            return new LinkedHashMap<>(reconciled);
        }
    }

    public int requests() {
        return requests.get();
    }

    /** Requests recognised as a message already acted on (a redelivery). */
    public int duplicates() {
        return duplicates.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(name.length() + 1);
            if (path.startsWith("/_sim/")) {
                control(exchange, path);
                return;
            }
            requests.incrementAndGet();
            switch (mode) {
                case DOWN -> {
                    return; // no answer: the connection is closed, as when the system is unreachable
                }
                case SLOW -> sleep(slow);
                case ERROR_5XX -> {
                    respond(exchange, 503, "text/plain", "Service Unavailable");
                    return;
                }
                default -> {
                }
            }
            boolean rest = kind == Kind.FHIR_REST || kind == Kind.NPO;
            if (path.equals("/oauth2/token") && rest) {
                token(exchange);
            } else if (path.equals("/fhir/DocumentReference") && kind == Kind.NPO && "GET".equals(exchange.getRequestMethod())) {
                readNotes(exchange);
            } else if (path.equals("/fhir/$process-message") && kind == Kind.MESSAGING) {
                processMessage(exchange);
            } else if (path.startsWith("/fhir/") && rest && "POST".equals(exchange.getRequestMethod())) {
                create(exchange);
            } else {
                respond(exchange, 404, "text/plain", "Not found");
            }
        }
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(body(exchange));
        if (!"client_credentials".equals(form.get("grant_type")) || !CLIENT_ID.equals(form.get("client_id"))
                || !CLIENT_SECRET.equals(form.get("client_secret"))) {
            respond(exchange, 401, "application/json", "{\"error\":\"invalid_client\"}");
            return;
        }
        String token = UUID.randomUUID().toString();
        tokens.add(token);
        respond(exchange, 200, "application/json", "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":300}");
    }

    private boolean authorized(HttpExchange exchange) throws IOException {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Bearer ") || !tokens.contains(auth.substring(7))) {
            respond(exchange, 401, "application/fhir+json", outcome("A valid Bearer token is required (OAuth2 client credentials)"));
            return false;
        }
        return true;
    }

    /** NPÖ's reading: the notes of one patient, only when the reader names the patient's consent. */
    private void readNotes(HttpExchange exchange) throws IOException {
        if (!authorized(exchange)) {
            return;
        }
        String consent = exchange.getRequestHeaders().getFirst(CONSENT_HEADER);
        if (consent == null || consent.isBlank()) {
            respond(exchange, 403, "application/fhir+json", outcome("Reading NPÖ requires the patient's consent: name it in " + CONSENT_HEADER));
            return;
        }
        String subject = form(exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery()).get("subject");
        Bundle result = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        for (Resource r : actedOnResources()) {
            if (r instanceof org.hl7.fhir.r4.model.DocumentReference note
                    && (subject == null || subject.equals(note.getSubject().getReference()))) {
                result.addEntry().setResource(note);
            }
        }
        result.setTotal(result.getEntry().size());
        respond(exchange, 200, "application/fhir+json", FHIR.newJsonParser().encodeResourceToString(result));
    }

    private void create(HttpExchange exchange) throws IOException {
        if (!authorized(exchange)) {
            return;
        }
        String body = body(exchange);
        if (mode == Mode.REJECT) {
            respond(exchange, 422, "application/fhir+json", outcome("Rejected by the simulator (mode reject)"));
            return;
        }
        String key = exchange.getRequestHeaders().getFirst("If-None-Exist");
        if (key == null) {
            key = UUID.randomUUID().toString();
        }
        boolean fresh = record(key, body, handledByOutageRoutine(FHIR.newJsonParser().parseResource(body)));
        respond(exchange, fresh ? 201 : 200, "application/fhir+json", body);
    }

    private void processMessage(HttpExchange exchange) throws IOException {
        Bundle message = FHIR.newJsonParser().parseResource(Bundle.class, body(exchange));
        String id = message.getIdElement().getIdPart();
        if (message.getType() != Bundle.BundleType.MESSAGE || id == null
                || !(message.getEntryFirstRep().getResource() instanceof MessageHeader)) {
            respond(exchange, 400, "application/fhir+json", outcome("A message Bundle with an id and a MessageHeader first is required"));
            return;
        }
        MessageHeader.ResponseType code = MessageHeader.ResponseType.OK;
        if (mode == Mode.REJECT) {
            code = MessageHeader.ResponseType.FATALERROR;
        } else {
            boolean handled = message.getEntry().stream().anyMatch(e -> e.getResource() != null && handledByOutageRoutine(e.getResource()));
            record(id, FHIR.newJsonParser().encodeResourceToString(message), handled || handledByOutageRoutine(message));
        }
        MessageHeader header = new MessageHeader();
        header.getResponse().setIdentifier(id).setCode(code);
        Bundle ack = new Bundle().setType(Bundle.BundleType.MESSAGE);
        ack.setId(UUID.randomUUID().toString());
        ack.addEntry().setResource(header);
        respond(exchange, 200, "application/fhir+json", FHIR.newJsonParser().encodeResourceToString(ack));
    }

    /** Acts on a message once (or records it as handled by the outage routine); false for a message seen before. */
    private boolean record(String messageId, String content, boolean handledByOutageRoutine) {
        boolean fresh;
        synchronized (actedOn) {
            fresh = !actedOn.containsKey(messageId) && !reconciled.containsKey(messageId);
            if (fresh) {
                (handledByOutageRoutine ? reconciled : actedOn).put(messageId, content);
            }
        }
        if (!fresh) {
            duplicates.incrementAndGet();
        }
        return fresh;
    }

    private static boolean handledByOutageRoutine(org.hl7.fhir.instance.model.api.IBaseResource resource) {
        return resource instanceof Resource r && r.getMeta().getTag(HANDLED_SYSTEM, HANDLED_CODE) != null;
    }

    private void control(HttpExchange exchange, String path) throws IOException {
        if (path.equals("/_sim/mode") && "POST".equals(exchange.getRequestMethod())) {
            String set = form(exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery()).get("set");
            try {
                mode(Mode.valueOf(set.toUpperCase().replace('-', '_')));
            } catch (RuntimeException e) {
                respond(exchange, 400, "text/plain", "set=up|down|slow|error_5xx|reject");
                return;
            }
        }
        respond(exchange, 200, "application/json", "{\"mode\":\"" + mode + "\",\"requests\":" + requests.get()
                + ",\"actedOn\":" + actedOn.size() + ",\"reconciled\":" + reconciled.size() + ",\"duplicates\":" + duplicates.get() + "}");
    }

    private static String outcome(String message) {
        OperationOutcome oo = new OperationOutcome();
        oo.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(OperationOutcome.IssueType.PROCESSING).setDiagnostics(message);
        return FHIR.newJsonParser().encodeResourceToString(oo);
    }

    private static String body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Resources as received, parsed (for tests). */
    public List<Resource> actedOnResources() {
        List<Resource> out = new ArrayList<>();
        actedOn().values().forEach(json -> out.add((Resource) FHIR.newJsonParser().parseResource(json)));
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
