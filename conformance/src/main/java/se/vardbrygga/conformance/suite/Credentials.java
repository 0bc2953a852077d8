package se.vardbrygga.conformance.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * The Authorization header of every request: none, a bearer token given on the command line, or one obtained with
 * client credentials (client id and secret, HTTP Basic) from the token endpoint — given, or found in the server's
 * {@code .well-known/smart-configuration}. A fetched token is reused until a minute before it expires.
 */
public final class Credentials implements Supplier<String> {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String fixedToken;
    private final String clientId;
    private final String clientSecret;
    private final String scope;
    private final String tokenUrl;
    private final String baseUrl;
    private String token;
    private long expiresAt;

    private Credentials(HttpClient http, String baseUrl, String fixedToken, String clientId, String clientSecret, String scope, String tokenUrl) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.fixedToken = fixedToken;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.scope = scope;
        this.tokenUrl = tokenUrl;
    }

    public static Credentials none() {
        return new Credentials(null, null, null, null, null, null, null);
    }

    public static Credentials token(String token) {
        return new Credentials(null, null, token, null, null, null, null);
    }

    /** Client credentials; {@code tokenUrl} null to find it in the server's SMART configuration. */
    public static Credentials client(HttpClient http, String baseUrl, String clientId, String clientSecret, String scope, String tokenUrl) {
        return new Credentials(http, baseUrl, null, clientId, clientSecret, scope, tokenUrl);
    }

    /** The credentials of a command line's main client: a token, client credentials, or none (nulls for absent options). */
    public static Credentials of(HttpClient http, String baseUrl, String token, String clientId, String clientSecret, String scope,
                                 String tokenUrl) {
        if (token != null) {
            return token(token);
        }
        return clientId != null ? client(http, baseUrl, clientId, clientSecret, scope, tokenUrl) : none();
    }

    /**
     * Credentials written on a command line: {@code ID:SECRET} for client credentials, anything else a bearer token
     * (a JWT, which starts with {@code ey}, is a token even if it holds a colon).
     */
    public static Credentials parse(HttpClient http, String baseUrl, String value, String scope, String tokenUrl) {
        if (value.contains(":") && !value.startsWith("ey")) {
            return client(http, baseUrl, value.substring(0, value.indexOf(':')), value.substring(value.indexOf(':') + 1), scope, tokenUrl);
        }
        return token(value);
    }

    @Override
    public synchronized String get() {
        if (fixedToken != null) {
            return "Bearer " + fixedToken;
        }
        if (clientId == null) {
            return null;
        }
        if (token == null || System.currentTimeMillis() > expiresAt) {
            fetch();
        }
        return "Bearer " + token;
    }

    private void fetch() {
        try {
            String endpoint = tokenUrl != null ? tokenUrl : discover();
            String form = "grant_type=client_credentials" + (scope == null ? "" : "&scope=" + URLEncoder.encode(scope, StandardCharsets.UTF_8));
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(endpoint))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode answer = JSON.readTree(response.body());
            if (response.statusCode() != 200 || !answer.hasNonNull("access_token")) {
                throw new CredentialsException("the token endpoint " + endpoint + " answered " + response.statusCode()
                        + (answer.has("error") ? " " + answer.get("error").asText() : ""));
            }
            token = answer.get("access_token").asText();
            expiresAt = System.currentTimeMillis() + Math.max(60, answer.path("expires_in").asLong(300) - 60) * 1000;
        } catch (IOException e) {
            throw new CredentialsException("no token: " + e.getClass().getSimpleName() + " " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CredentialsException("no token: interrupted");
        }
    }

    private String discover() throws IOException, InterruptedException {
        String url = baseUrl + "/.well-known/smart-configuration";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        JsonNode config = response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
        if (config == null || !config.hasNonNull("token_endpoint")) {
            throw new CredentialsException("no token endpoint: " + url + " answered " + response.statusCode() + "; give --token-url");
        }
        return config.get("token_endpoint").asText();
    }

    /** Credentials that cannot give a token: the run stops with this message. */
    public static final class CredentialsException extends RuntimeException {
        public CredentialsException(String message) {
            super(message);
        }
    }
}
