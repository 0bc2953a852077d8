package se.vardbrygga.adapter.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import se.vardbrygga.adapter.security.AccessAudit;
import se.vardbrygga.adapter.security.AuthenticationFilter;
import se.vardbrygga.adapter.security.TokenEndpoint;

/**
 * {@code POST /auth/token} ({@code application/x-www-form-urlencoded}): the token endpoint's HTTP side. Answers the
 * access token as JSON (RFC 6749 section 5.1, {@code Cache-Control: no-store}) or the OAuth2 error (section 5.2: 400
 * or 401 with {@code error} and {@code error_description}); every request, issued or refused, is audited.
 */
public final class TokenServlet extends HttpServlet {
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String PATH = "/auth/token";

    private final transient TokenEndpoint endpoint;
    private final transient AccessAudit audit;
    private final String publicTokenUrl;

    /** {@code publicTokenUrl}: the endpoint's URL as clients outside a proxy know it; empty when none is configured. */
    public TokenServlet(TokenEndpoint endpoint, AccessAudit audit, String publicTokenUrl) {
        this.endpoint = endpoint;
        this.audit = audit;
        this.publicTokenUrl = publicTokenUrl;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String contentType = String.valueOf(request.getContentType());
        if (!contentType.startsWith("application/x-www-form-urlencoded")) {
            refuse(request, response, new Problem(400, "invalid_request", "send the token request as application/x-www-form-urlencoded"));
            return;
        }
        Map<String, String> form = form(new String(request.getInputStream().readNBytes(64 * 1024), StandardCharsets.UTF_8));
        Optional<String[]> basic = basic(request.getHeader("Authorization"));
        Set<String> urls = new LinkedHashSet<>();
        urls.add(request.getRequestURL().toString());
        if (!publicTokenUrl.isBlank()) {
            urls.add(publicTokenUrl);
        }
        try {
            TokenEndpoint.Issued issued = endpoint.issue(new TokenEndpoint.TokenRequest(form,
                    basic.map(b -> b[0]), basic.map(b -> b[1]), AuthenticationFilter.clientCertificate(request)), urls);
            audit.authentication(request, issued.caller(), 200, "access token issued to client " + issued.caller().client()
                    + " for " + issued.scope());
            ObjectNode body = JSON.createObjectNode().put("access_token", issued.accessToken()).put("token_type", "bearer")
                    .put("expires_in", issued.expiresIn()).put("scope", issued.scope());
            write(response, 200, body);
        } catch (TokenEndpoint.Refused refused) {
            refuse(request, response, new Problem(refused.status(), refused.error(), refused.getMessage()));
        }
    }

    private record Problem(int status, String error, String description) {
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, Problem problem) throws IOException {
        audit.authentication(request, null, problem.status(), problem.description());
        if (problem.status() == 401) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"vardbrygga\"");
        }
        write(response, problem.status(), JSON.createObjectNode().put("error", problem.error()).put("error_description", problem.description()));
    }

    private static void write(HttpServletResponse response, int status, ObjectNode body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Pragma", "no-cache");
        response.getOutputStream().write(JSON.writeValueAsBytes(body));
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    /** The client id and secret of an {@code Authorization: Basic} header (client_secret_basic), if any. */
    private static Optional<String[]> basic(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String pair = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon < 0 ? Optional.empty() : Optional.of(new String[] {
                    URLDecoder.decode(pair.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(colon + 1), StandardCharsets.UTF_8)});
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
