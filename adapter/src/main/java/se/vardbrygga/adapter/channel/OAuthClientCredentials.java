package se.vardbrygga.adapter.channel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * OAuth2 client credentials (RFC 6749 §4.4) for the Cosmic FHIR API: one access token per token URL, reused until
 * shortly before it expires; {@link #forget} drops it after a 401. The token URL is the FHIR base's sibling
 * {@code oauth2/token} ({@code .../cosmic-link/fhir} → {@code .../cosmic-link/oauth2/token}).
 */
public final class OAuthClientCredentials {
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Token(String value, Instant expires) {
    }

    private final HttpClient http;
    private final String clientId;
    private final String clientSecret;
    private final Clock clock;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    public OAuthClientCredentials(HttpClient http, String clientId, String clientSecret, Clock clock) {
        this.http = http;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.clock = clock;
    }

    public static String tokenUrl(String fhirBase) {
        String base = fhirBase.endsWith("/") ? fhirBase.substring(0, fhirBase.length() - 1) : fhirBase;
        return (base.endsWith("/fhir") ? base.substring(0, base.length() - 5) : base) + "/oauth2/token";
    }

    /** A valid access token, or empty with the reason in the exception when the token endpoint refuses. */
    public Optional<String> token(String fhirBase) throws IOException, InterruptedException {
        String url = tokenUrl(fhirBase);
        Token cached = tokens.get(url);
        if (cached != null && cached.expires().isAfter(clock.instant())) {
            return Optional.of(cached.value());
        }
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return Optional.empty();
        }
        JsonNode body = JSON.readTree(response.body());
        long seconds = body.path("expires_in").asLong(60);
        Token token = new Token(body.path("access_token").asText(), clock.instant().plusSeconds(Math.max(1, seconds - 10)));
        tokens.put(url, token);
        return Optional.of(token.value());
    }

    public void forget(String fhirBase) {
        tokens.remove(tokenUrl(fhirBase));
    }
}
