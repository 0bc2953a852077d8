package se.vardbrygga.adapter.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import com.nimbusds.jose.JWSAlgorithm;
import java.io.IOException;
import se.vardbrygga.adapter.security.TokenVerifier;

/**
 * {@code GET /fhir/.well-known/smart-configuration} (SMART App Launch 2.x discovery, as SMART Backend Services
 * clients use it): where this server's own token endpoint is and what it takes. Public, like the CapabilityStatement;
 * served only when the server runs its own token endpoint.
 */
public final class SmartConfigurationServlet extends HttpServlet {
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String PATH = "/fhir/.well-known/smart-configuration";

    private final String publicTokenUrl;

    /** {@code publicTokenUrl}: the token endpoint's URL as clients know it; empty: this server's own address. */
    public SmartConfigurationServlet(String publicTokenUrl) {
        this.publicTokenUrl = publicTokenUrl;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String url = request.getRequestURL().toString();
        String tokenUrl = publicTokenUrl.isBlank() ? url.substring(0, url.length() - PATH.length()) + TokenServlet.PATH : publicTokenUrl;
        ObjectNode body = JSON.createObjectNode().put("token_endpoint", tokenUrl);
        body.putArray("token_endpoint_auth_methods_supported").add("private_key_jwt").add("client_secret_basic").add("client_secret_post");
        TokenVerifier.ALGORITHMS.stream().map(JWSAlgorithm::getName).sorted()
                .forEach(body.putArray("token_endpoint_auth_signing_alg_values_supported")::add);
        body.putArray("grant_types_supported").add("client_credentials");
        body.putArray("scopes_supported").add("system/*.cruds").add("system/*.rs").add("system/AuditEvent.rs");
        body.putArray("capabilities").add("client-confidential-asymmetric").add("permission-v1").add("permission-v2");
        response.setStatus(200);
        response.setContentType("application/json;charset=utf-8");
        response.getOutputStream().write(JSON.writeValueAsBytes(body));
    }
}
