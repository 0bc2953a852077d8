package se.vardbrygga.adapter.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import se.vardbrygga.adapter.store.ResourceStore;

/**
 * This server's own token endpoint (SMART Backend Services): {@code grant_type=client_credentials} by a registered
 * client that proves itself with a client assertion (a JWT it signed with a key of its registered JWKS; {@code iss} =
 * {@code sub} = its client id, {@code aud} = this endpoint's URL, at most five minutes to live, a {@code jti} used
 * only once: a replayed assertion is refused, on every node sharing the database) or, if registered with one, its
 * secret. The access token (a JWT, {@code typ} at+jwt, signed RS256 by a key made by the first node and kept in the
 * database, so every node sharing it accepts the tokens of every other) carries the client's unit and the scopes
 * asked for, which must be within the client's registration; over mutual TLS it is bound to the client's certificate.
 */
public final class TokenEndpoint {
    public static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    /** The {@code iss} and {@code aud} of this server's own access tokens. */
    public static final String ISSUER = "urn:vardbrygga:token-endpoint";
    public static final String AUDIENCE = "urn:vardbrygga:fhir";
    static final long MAX_ASSERTION_SECONDS = 300;

    private final RegisteredClients clients;
    private final ResourceStore store;
    private final long tokenSeconds;
    private final long clockSkewSeconds;
    private final String unitClaim;
    private final Clock clock;
    private final RSAKey signingKey;

    /** An access token issued. */
    public record Issued(String accessToken, long expiresIn, String scope, Caller caller) {
    }

    /** A refused token request: the HTTP status and the OAuth2 error (RFC 6749 section 5.2). */
    public static final class Refused extends Exception {
        private final int status;
        private final String error;

        Refused(int status, String error, String description) {
            super(description);
            this.status = status;
            this.error = error;
        }

        public int status() {
            return status;
        }

        public String error() {
            return error;
        }
    }

    /**
     * The client's credentials from the request: the form's fields, the Basic authorization and the mutual-TLS client
     * certificate, if any.
     */
    public record TokenRequest(Map<String, String> form, Optional<String> basicClientId, Optional<String> basicSecret,
                               Optional<java.security.cert.X509Certificate> clientCertificate) {
        String field(String name) {
            return form.getOrDefault(name, "");
        }
    }

    public TokenEndpoint(RegisteredClients clients, ResourceStore store, long tokenSeconds, long clockSkewSeconds, String unitClaim, Clock clock) {
        this.clients = clients;
        this.store = store;
        this.tokenSeconds = tokenSeconds;
        this.clockSkewSeconds = clockSkewSeconds;
        this.unitClaim = unitClaim;
        this.clock = clock;
        this.signingKey = signingKey(store);
    }

    /** The signing key all nodes sharing the database use: made by the first, kept in the database. */
    private static RSAKey signingKey(ResourceStore store) {
        String jwk = store.inTransaction(session -> session.serverKey("token-endpoint-signing", () -> {
            try {
                return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate().toJSONString();
            } catch (JOSEException e) {
                throw new IllegalStateException("cannot make the token signing key", e);
            }
        }));
        try {
            return RSAKey.parse(jwk);
        } catch (ParseException e) {
            throw new IllegalStateException("the stored token signing key is not an RSA JWK", e);
        }
    }

    /** The public key of this endpoint's access tokens, for the token check. */
    public JWKSet publicKeys() {
        return new JWKSet(signingKey.toPublicJWK());
    }

    /**
     * Issues an access token, or refuses. {@code endpointUrls}: the URLs this endpoint is known by (as the request
     * reached it, and the public one), one of which a client assertion's {@code aud} must be.
     */
    public Issued issue(TokenRequest request, Set<String> endpointUrls) throws Refused {
        if (!"client_credentials".equals(request.field("grant_type"))) {
            throw new Refused(400, "unsupported_grant_type", "grant_type must be client_credentials");
        }
        RegisteredClients.Client client = authenticate(request, endpointUrls);
        Scopes scope = requestedScope(request, client);
        Instant now = clock.instant();
        Caller caller = new Caller(client.id(), client.unit(), scope, false);
        return new Issued(sign(caller, now, request.clientCertificate()), tokenSeconds, scope.claim(), caller);
    }

    private RegisteredClients.Client authenticate(TokenRequest request, Set<String> endpointUrls) throws Refused {
        String assertion = request.field("client_assertion");
        if (!assertion.isEmpty() || !request.field("client_assertion_type").isEmpty()) {
            if (!ASSERTION_TYPE.equals(request.field("client_assertion_type"))) {
                throw new Refused(401, "invalid_client", "client_assertion_type must be " + ASSERTION_TYPE);
            }
            return byAssertion(assertion, request.field("client_id"), endpointUrls);
        }
        String id = request.basicClientId().orElse(request.field("client_id"));
        String secret = request.basicSecret().orElse(request.field("client_secret"));
        if (id.isEmpty() || secret.isEmpty()) {
            throw new Refused(401, "invalid_client", "no client authentication: send client_assertion (private_key_jwt) or the client's secret");
        }
        RegisteredClients.Client client = clients.find(id).filter(c -> c.secret().isPresent())
                .orElseThrow(() -> new Refused(401, "invalid_client", "unknown client, or one that authenticates with keys: " + id));
        if (!MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8), client.secret().get().getBytes(StandardCharsets.UTF_8))) {
            throw new Refused(401, "invalid_client", "wrong secret for client " + id);
        }
        return client;
    }

    private RegisteredClients.Client byAssertion(String assertion, String clientIdField, Set<String> endpointUrls) throws Refused {
        SignedJWT jwt;
        String id;
        try {
            jwt = SignedJWT.parse(assertion);
            id = jwt.getJWTClaimsSet().getIssuer();
        } catch (ParseException e) {
            throw new Refused(401, "invalid_client", "client_assertion is not a signed JWT");
        }
        if (!clientIdField.isEmpty() && !clientIdField.equals(id)) {
            throw new Refused(401, "invalid_client", "client_id and the assertion's iss differ");
        }
        RegisteredClients.Client client = clients.find(id).filter(c -> c.keys().isPresent())
                .orElseThrow(() -> new Refused(401, "invalid_client", "unknown client, or one without registered keys: " + id));
        JWTClaimsSet claims = verified(jwt, client, endpointUrls);
        Instant now = clock.instant();
        Instant expires = claims.getExpirationTime().toInstant();
        if (expires.isAfter(now.plusSeconds(MAX_ASSERTION_SECONDS + clockSkewSeconds))) {
            throw new Refused(401, "invalid_client", "the client assertion lives longer than five minutes (exp)");
        }
        String key = "client-assertion:" + client.id() + ":" + claims.getJWTID();
        boolean first = store.inTransaction(session -> session.useOnce(key, expires.plusSeconds(clockSkewSeconds).toEpochMilli(), now.toEpochMilli()));
        if (!first) {
            throw new Refused(401, "invalid_client", "the client assertion was used before (replayed jti)");
        }
        return client;
    }

    private JWTClaimsSet verified(SignedJWT jwt, RegisteredClients.Client client, Set<String> endpointUrls) throws Refused {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(TokenVerifier.ALGORITHMS, new ImmutableJWKSet<>(client.keys().get())));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(endpointUrls,
                new JWTClaimsSet.Builder().issuer(client.id()).subject(client.id()).build(), Set.of("exp", "jti"), null);
        claims.setMaxClockSkew((int) clockSkewSeconds);
        processor.setJWTClaimsSetVerifier(claims);
        try {
            return processor.process(jwt, null);
        } catch (BadJOSEException e) {
            String m = String.valueOf(e.getMessage());
            throw new Refused(401, "invalid_client", m.contains("aud") ? "the client assertion's aud is not this token endpoint ("
                    + String.join(" or ", endpointUrls) + ")" : m.toLowerCase(java.util.Locale.ROOT).contains("expired")
                    ? "the client assertion has expired" : "the client assertion is refused: " + m);
        } catch (JOSEException e) {
            throw new Refused(401, "invalid_client", "the client assertion cannot be checked: " + e.getMessage());
        }
    }

    private static Scopes requestedScope(TokenRequest request, RegisteredClients.Client client) throws Refused {
        String asked = request.field("scope");
        if (asked.isBlank()) {
            return client.scope();
        }
        Scopes scopes = Scopes.parse(asked);
        if (scopes.isEmpty()) {
            throw new Refused(400, "invalid_scope", "no system/ scope asked for: " + asked);
        }
        if (!scopes.within(client.scope())) {
            throw new Refused(400, "invalid_scope", "client " + client.id() + " is registered for " + client.scope().claim()
                    + ", not for " + asked);
        }
        return scopes;
    }

    /** Over mutual TLS the token is bound to the client's certificate (RFC 8705): worthless to anyone who copies it. */
    private String sign(Caller caller, Instant now, Optional<java.security.cert.X509Certificate> certificate) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject(caller.client())
                .claim("client_id", caller.client()).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(tokenSeconds)))
                .jwtID(UUID.randomUUID().toString()).claim("scope", caller.scopes().claim());
        caller.unit().ifPresent(unit -> claims.claim(unitClaim, unit));
        certificate.ifPresent(c -> claims.claim("cnf", Map.of(TokenVerifier.CERTIFICATE_THUMBPRINT, TokenVerifier.thumbprint(c))));
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(new JOSEObjectType("at+jwt"))
                    .keyID(signingKey.getKeyID()).build(), claims.build());
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign an access token", e);
        }
    }
}
