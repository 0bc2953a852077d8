package se.vardbrygga.adapter.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The clients registered with this server's own token endpoint, from a JSON file:
 * <pre>{"clients": [{"clientId": "ward-system", "unit": "SE2321009918-VB1012", "scope": "system/*.cruds",
 *   "jwks": {"keys": [ ...public keys... ]}, "secret": "..."}]}</pre>
 * A client authenticates with a client assertion signed by a key of its {@code jwks} (SMART Backend Services), or,
 * if it has a {@code secret} (the demo's clients, test rigs), with that secret. {@code unit} (optional) becomes the
 * access token's unit claim; {@code scope} is the most the client may ask for.
 */
public final class RegisteredClients {
    /** One registered client. {@code keys} and {@code secret} may each be absent, not both. */
    public record Client(String id, Optional<String> unit, Scopes scope, Optional<JWKSet> keys, Optional<String> secret) {
    }

    private final Map<String, Client> clients;

    private RegisteredClients(Map<String, Client> clients) {
        this.clients = clients;
    }

    public static RegisteredClients load(Path file) {
        JsonNode tree;
        try {
            tree = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("security.clientsFile: cannot read " + file + ": " + e.getMessage(), e);
        }
        Map<String, Client> clients = new LinkedHashMap<>();
        for (JsonNode c : tree.path("clients")) {
            String id = c.path("clientId").asText("");
            if (id.isBlank() || clients.containsKey(id)) {
                throw new IllegalArgumentException("security.clientsFile " + file + ": every client needs its own clientId ('" + id + "')");
            }
            Optional<JWKSet> keys = Optional.empty();
            if (c.hasNonNull("jwks")) {
                try {
                    keys = Optional.of(JWKSet.parse(c.get("jwks").toString()));
                } catch (ParseException e) {
                    throw new IllegalArgumentException("security.clientsFile: client " + id + ": jwks is not a JWK set: " + e.getMessage(), e);
                }
                if (keys.get().getKeys().stream().anyMatch(k -> k.isPrivate())) {
                    throw new IllegalArgumentException("security.clientsFile: client " + id + ": jwks holds a private key; register public keys only");
                }
            }
            Optional<String> secret = Optional.ofNullable(c.path("secret").textValue()).filter(s -> !s.isBlank());
            if (keys.isEmpty() && secret.isEmpty()) {
                throw new IllegalArgumentException("security.clientsFile: client " + id + " has neither jwks nor secret");
            }
            clients.put(id, new Client(id, Optional.ofNullable(c.path("unit").textValue()).filter(u -> !u.isBlank()),
                    Scopes.parse(c.path("scope").asText("")), keys, secret));
        }
        return new RegisteredClients(Map.copyOf(clients));
    }

    public Optional<Client> find(String clientId) {
        return Optional.ofNullable(clientId).map(clients::get);
    }
}
