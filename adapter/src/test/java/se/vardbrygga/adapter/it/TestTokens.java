package se.vardbrygga.adapter.it;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import se.vardbrygga.adapter.config.AdapterConfig;

/**
 * A token issuer for tests: an RSA key whose public half is the JWKS file the adapter trusts, and signed access
 * tokens with any claims (also wrong ones: expired, for another audience, from another issuer, signed by a stranger).
 */
final class TestTokens {
    static final String ISSUER = "https://idp.region.test";
    static final String AUDIENCE = "https://vardbrygga.test/fhir";

    private final RSAKey key;
    private final Path jwks;

    TestTokens() {
        try {
            key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
            jwks = Files.createTempFile("vb-jwks-", ".json");
            Files.writeString(jwks, new JWKSet(key.toPublicJWK()).toString());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Trusts this issuer's key; at most {@code requestsPerMinute} per client (0: no limit). */
    AdapterConfig.Security security(int requestsPerMinute) {
        return new AdapterConfig.Security(false, jwks.toString(), "", ISSUER, AUDIENCE, 5, "hsa_id", requestsPerMinute, "", 300);
    }

    /** The request header that carries {@code token}. */
    static String[] bearer(String token) {
        return new String[] {"Authorization", "Bearer " + token};
    }

    /**
     * A token of the server's own endpoint ({@code root}: the server without {@code /fhir}) for a client registered
     * with a secret, sent as {@code client_secret_basic} (as {@code curl -u} does); the registered scopes.
     */
    static String fromEndpoint(FhirHttp root, String client, String secret) {
        FhirHttp.Response r = root.post("auth/token", "grant_type=client_credentials", "Content-Type", "application/x-www-form-urlencoded",
                "Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        org.assertj.core.api.Assertions.assertThat(r.status()).as(client + ": " + r.body()).isEqualTo(200);
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body()).get("access_token").asText();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid token for {@code client} of {@code unit} (null: none) with {@code scope}. */
    String token(String client, String unit, String scope) {
        return sign(key, claims(client, unit, scope).build());
    }

    JWTClaimsSet.Builder claims(String client, String unit, String scope) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject(client)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300))).jwtID(UUID.randomUUID().toString())
                .claim("scope", scope);
        return unit == null ? claims : claims.claim("hsa_id", unit);
    }

    String sign(JWTClaimsSet claims) {
        return sign(key, claims);
    }

    /** Signed by a key the adapter does not know, with the same key id. */
    String signedByStranger(JWTClaimsSet claims) {
        try {
            return sign(new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate(), claims);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS384).type(JOSEObjectType.JWT).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
