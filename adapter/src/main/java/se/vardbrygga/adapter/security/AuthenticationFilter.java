package se.vardbrygga.adapter.security;

import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vardbrygga.adapter.fhir.Outcomes;

/**
 * Who is calling, before anything else: the bearer token of the {@code Authorization} header, verified; the caller
 * goes on the request for the providers. No token or a refused one: 401 with {@code WWW-Authenticate: Bearer} and an
 * OperationOutcome, and the attempt is audited. The CapabilityStatement and the SMART configuration are public (a
 * client needs them to find out how to get a token). A server running open puts {@link Caller#OPEN} on every request
 * and says so in the log with the first request and then once a minute while requests come.
 */
public final class AuthenticationFilter implements Filter {
    private static final Logger LOG = LoggerFactory.getLogger(AuthenticationFilter.class);
    private static final String BEARER = "Bearer ";

    private final Optional<TokenVerifier> verifier;
    private final AccessAudit audit;
    private final FhirContext fhir;

    private final int requestsPerMinute;
    private final java.util.Map<String, Window> windows = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong lastOpenWarning = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.LongAdder servedOpen = new java.util.concurrent.atomic.LongAdder();

    /** A client's requests in the current minute. */
    private record Window(long minute, int count) {
    }

    /** {@code verifier} empty: the server runs open (security.open); {@code requestsPerMinute} per client, 0 = no limit. */
    public AuthenticationFilter(Optional<TokenVerifier> verifier, int requestsPerMinute, AccessAudit audit, FhirContext fhir) {
        this.verifier = verifier;
        this.requestsPerMinute = requestsPerMinute;
        this.audit = audit;
        this.fhir = fhir;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) resp;
        if (verifier.isEmpty()) {
            warnOpen();
            request.setAttribute(Caller.ATTRIBUTE, Caller.OPEN);
            chain.doFilter(req, resp);
            return;
        }
        if (isPublic(request)) {
            chain.doFilter(req, resp);
            return;
        }
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            refuse(request, response, null, "no bearer token: send Authorization: Bearer <access token>");
            return;
        }
        Caller caller;
        try {
            caller = verifier.get().verify(header.substring(BEARER.length()).trim(), clientCertificate(request));
        } catch (TokenVerifier.Refused refused) {
            refuse(request, response, "invalid_token", refused.getMessage());
            return;
        }
        if (overLimit(caller.client())) {
            String message = "More than " + requestsPerMinute + " requests in this minute from client " + caller.client();
            audit.refused(request, caller, 429, message);
            response.setHeader("Retry-After", String.valueOf(60 - System.currentTimeMillis() / 1000 % 60)); // the window's own clock
            write(response, 429, Outcomes.outcome(OperationOutcome.IssueType.THROTTLED, message, null));
            return;
        }
        request.setAttribute(Caller.ATTRIBUTE, caller);
        chain.doFilter(req, resp);
    }

    /** Open: said in the log with the first request and then at most once a minute, with the count since. */
    private void warnOpen() {
        servedOpen.increment();
        long now = System.nanoTime();
        long last = lastOpenWarning.get();
        if ((last == 0 || now - last > 60_000_000_000L) && lastOpenWarning.compareAndSet(last, now)) {
            LOG.warn("Running OPEN (security.open=true): {} requests served without authentication since the last notice",
                    servedOpen.sumThenReset());
        }
    }

    /** A fixed window of one minute per client (token subject). */
    private boolean overLimit(String client) {
        if (requestsPerMinute <= 0) {
            return false;
        }
        long minute = System.currentTimeMillis() / 60_000;
        Window w = windows.compute(client, (k, old) -> old == null || old.minute() != minute ? new Window(minute, 1)
                : new Window(minute, old.count() + 1));
        return w.count() > requestsPerMinute;
    }

    /** The certificate a mutual-TLS client presented (the first of its chain), if any. */
    public static Optional<java.security.cert.X509Certificate> clientCertificate(HttpServletRequest request) {
        return request.getAttribute("jakarta.servlet.request.X509Certificate") instanceof java.security.cert.X509Certificate[] chain
                && chain.length > 0 ? Optional.of(chain[0]) : Optional.empty();
    }

    private static boolean isPublic(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return "GET".equals(request.getMethod()) && (path.equals("/fhir/metadata") || path.equals("/fhir/.well-known/smart-configuration"));
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String error, String message) throws IOException {
        audit.refused(request, null, 401, message);
        response.setHeader("WWW-Authenticate", error == null ? "Bearer" : "Bearer error=\"" + error + "\", error_description=\""
                + message.replace('"', '\'') + "\"");
        write(response, 401, Outcomes.outcome(OperationOutcome.IssueType.LOGIN, message, null));
    }

    private void write(HttpServletResponse response, int status, OperationOutcome outcome) throws IOException {
        response.setStatus(status);
        response.setContentType("application/fhir+json;charset=utf-8");
        response.getOutputStream().write(fhir.newJsonParser().encodeResourceToString(outcome).getBytes(StandardCharsets.UTF_8));
    }
}
