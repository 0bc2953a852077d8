package se.vardbrygga.adapter.it;

import static org.assertj.core.api.Assertions.assertThat;
import static se.vardbrygga.adapter.it.TestTokens.bearer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.vardbrygga.adapter.config.AdapterConfig;
import se.vardbrygga.adapter.server.AdapterServer;

/**
 * The server's own token endpoint (SMART Backend Services client credentials): a registered client's signed client
 * assertion buys an access token for its unit and the scopes it asks (within its registration); a replayed, expired,
 * overlong, wrongly addressed or wrongly signed assertion, an unknown client, a wrong secret or too wide a scope is
 * refused with the OAuth2 error, and every request is audited. Two nodes on one PostgreSQL share the replay record and the signing key.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenEndpointIT {
    private static final String WARD = "SE2321009918-VB1012";
    private static final String HOME_CARE = "SE2120009952-VB2401";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RSAKey wardKey;
    private Path clients;
    private AdapterServer server;
    private FhirHttp root;

    @BeforeAll
    void start() throws Exception {
        wardKey = new RSAKeyGenerator(2048).keyID("ward-1").generate();
        clients = Files.createTempFile("vb-clients-", ".json");
        Files.writeString(clients, """
                {"clients": [
                  {"clientId": "ward-system", "unit": "%s", "scope": "system/*.cruds", "jwks": %s},
                  {"clientId": "homecare-rig", "unit": "%s", "scope": "system/Task.rs system/Organization.rs", "secret": "s3cret"},
                  {"clientId": "auditor", "scope": "system/AuditEvent.rs", "secret": "audit-s3cret"}
                ]}""".formatted(WARD, new JWKSet(wardKey.toPublicJWK()).toString(), HOME_CARE));
        server = SeededAdapter.startSecured(config(TestDatabases.h2()));
        root = new FhirHttp(server.baseUrl().replace("/fhir", ""));
    }

    private AdapterConfig config(AdapterConfig.Database database) {
        return SeededAdapter.config(database, AdapterConfig.Purchase.BUILT_IN, AdapterConfig.Routing.OFF)
                .withSecurity(new AdapterConfig.Security(false, "", "", "", "", 5, "hsa_id", 0, clients.toString(), 300));
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    private String tokenUrl(AdapterServer node) {
        return node.baseUrl().replace("/fhir", "/auth/token");
    }

    private String assertion(JWTClaimsSet claims, RSAKey key) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS384).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private JWTClaimsSet.Builder claims(String client, String audience, Instant expires) {
        return new JWTClaimsSet.Builder().issuer(client).subject(client).audience(audience)
                .expirationTime(Date.from(expires)).jwtID(UUID.randomUUID().toString());
    }

    private static String form(String... pairs) {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            form.append(form.isEmpty() ? "" : "&").append(pairs[i]).append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return form.toString();
    }

    private FhirHttp.Response requestToken(FhirHttp at, String form, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = "application/x-www-form-urlencoded";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return at.post("auth/token", form, all);
    }

    private FhirHttp.Response withAssertion(FhirHttp at, String assertion, String scope) {
        return requestToken(at, form("grant_type", "client_credentials", "scope", scope,
                "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", "client_assertion", assertion));
    }

    private static JsonNode json(FhirHttp.Response r) throws Exception {
        return JSON.readTree(r.body());
    }

    private void assertRefused(FhirHttp.Response r, int status, String error, String description) throws Exception {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(json(r).get("error").asText()).isEqualTo(error);
        assertThat(json(r).get("error_description").asText()).contains(description);
        assertThat(r.header("Cache-Control")).isEqualTo("no-store");
    }

    private int loginsAudited(String outcome) {
        String auditor = TestTokens.fromEndpoint(root, "auditor", "audit-s3cret"); // client_secret_basic
        FhirHttp.Response r = new FhirHttp(server.baseUrl()).get("AuditEvent?type=http://dicom.nema.org/resources/ontology/DCM|110114&outcome="
                + outcome + "&_summary=count", bearer(auditor));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.as(Bundle.class).getTotal();
    }

    private static String accessToken(FhirHttp.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        try {
            return json(r).get("access_token").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void When_ClientAssertionSignedByRegisteredKey_Expect_TokenForItsUnitThatReadsItsData() throws Exception {
        FhirHttp.Response r = withAssertion(root, assertion(claims("ward-system", tokenUrl(server), Instant.now().plusSeconds(120)).build(),
                wardKey), "system/Task.cruds system/Organization.rs");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode answer = json(r);
        assertThat(answer.get("token_type").asText()).isEqualTo("bearer");
        assertThat(answer.get("expires_in").asInt()).isEqualTo(300);
        assertThat(answer.get("scope").asText()).isEqualTo("system/Task.cruds system/Organization.rs");
        assertThat(r.header("Cache-Control")).isEqualTo("no-store");
        JWTClaimsSet token = SignedJWT.parse(answer.get("access_token").asText()).getJWTClaimsSet();
        assertThat(token.getStringClaim("hsa_id")).isEqualTo(WARD);
        assertThat(token.getSubject()).isEqualTo("ward-system");

        FhirHttp fhir = new FhirHttp(server.baseUrl());
        String bearer = answer.get("access_token").asText();
        assertThat(fhir.get("Organization?identifier=urn:oid:1.2.752.29.4.19|" + WARD, bearer(bearer)).as(Bundle.class).getTotal()).isEqualTo(1);
        assertThat(fhir.get("Task", bearer(bearer)).status()).isEqualTo(200);
        assertThat(fhir.get("Patient", bearer(bearer)).status()).as("not in the scopes asked for").isEqualTo(403);
    }

    @Test
    void When_ClientAssertionReplayed_Expect_401InvalidClientAndAudited() throws Exception {
        int refusedBefore = loginsAudited("4");
        int issuedBefore = loginsAudited("0");
        String once = assertion(claims("ward-system", tokenUrl(server), Instant.now().plusSeconds(120)).build(), wardKey);
        assertThat(withAssertion(root, once, "system/*.rs").status()).isEqualTo(200);
        assertRefused(withAssertion(root, once, "system/*.rs"), 401, "invalid_client", "used before (replayed jti)");
        assertThat(loginsAudited("4")).isEqualTo(refusedBefore + 1);
        assertThat(loginsAudited("0")).as("the issued token, and the auditor's own logins").isGreaterThanOrEqualTo(issuedBefore + 1);
    }

    @Test
    void When_AssertionExpiredOverlongMisaddressedOrSignedByAStranger_Expect_401InvalidClient() throws Exception {
        int before = loginsAudited("4");
        assertRefused(withAssertion(root, assertion(claims("ward-system", tokenUrl(server), Instant.now().minusSeconds(60)).build(), wardKey),
                "system/*.rs"), 401, "invalid_client", "expired");
        assertRefused(withAssertion(root, assertion(claims("ward-system", tokenUrl(server), Instant.now().plusSeconds(3600)).build(), wardKey),
                "system/*.rs"), 401, "invalid_client", "longer than five minutes");
        assertRefused(withAssertion(root, assertion(claims("ward-system", "https://other.example/token", Instant.now().plusSeconds(60)).build(),
                wardKey), "system/*.rs"), 401, "invalid_client", "aud is not this token endpoint");
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("ward-1").generate();
        assertRefused(withAssertion(root, assertion(claims("ward-system", tokenUrl(server), Instant.now().plusSeconds(60)).build(), stranger),
                "system/*.rs"), 401, "invalid_client", "refused");
        assertRefused(withAssertion(root, assertion(claims("nobody", tokenUrl(server), Instant.now().plusSeconds(60)).build(), wardKey),
                "system/*.rs"), 401, "invalid_client", "unknown client");
        assertRefused(withAssertion(root, "not-a-jwt", "system/*.rs"), 401, "invalid_client", "not a signed JWT");
        assertThat(loginsAudited("4")).isEqualTo(before + 6);
    }

    @Test
    void When_SecretWrongOrScopeWiderThanRegisteredOrNotClientCredentials_Expect_OAuthErrors() throws Exception {
        assertRefused(requestToken(root, form("grant_type", "client_credentials", "client_id", "homecare-rig", "client_secret", "wrong")),
                401, "invalid_client", "wrong secret");
        assertRefused(requestToken(root, form("grant_type", "client_credentials", "client_id", "homecare-rig", "client_secret", "s3cret",
                "scope", "system/*.cruds")), 400, "invalid_scope", "registered for system/Task.rs system/Organization.rs");
        assertRefused(requestToken(root, form("grant_type", "client_credentials", "client_id", "homecare-rig", "client_secret", "s3cret",
                "scope", "system/AuditEvent.rs")), 400, "invalid_scope", "not for system/AuditEvent.rs");
        assertRefused(requestToken(root, form("grant_type", "password", "client_id", "homecare-rig", "client_secret", "s3cret")),
                400, "unsupported_grant_type", "client_credentials");
        assertRefused(requestToken(root, form("grant_type", "client_credentials")), 401, "invalid_client", "no client authentication");
        assertRefused(requestToken(root, form("grant_type", "client_credentials", "client_id", "ward-system", "client_secret", "x")),
                401, "invalid_client", "authenticates with keys");
        FhirHttp.Response json = root.post("auth/token", "{\"grant_type\":\"client_credentials\"}", "Content-Type", "application/json");
        assertRefused(json, 400, "invalid_request", "x-www-form-urlencoded");

        // the secret (client_secret_post) buys the registered scopes; the token reads the unit's Tasks, nothing else
        String token = accessToken(requestToken(root, form("grant_type", "client_credentials", "client_id", "homecare-rig", "client_secret", "s3cret")));
        assertThat(SignedJWT.parse(token).getJWTClaimsSet().getStringClaim("scope")).isEqualTo("system/Task.rs system/Organization.rs");
        FhirHttp fhir = new FhirHttp(server.baseUrl());
        assertThat(fhir.get("Task", bearer(token)).status()).isEqualTo(200);
        assertThat(fhir.post("Task", "{\"resourceType\":\"Task\"}", bearer(token)).status()).isEqualTo(403);
    }

    @Test
    void When_SmartConfigurationAsked_Expect_TheTokenEndpointWithoutAToken() throws Exception {
        FhirHttp.Response r = new FhirHttp(server.baseUrl()).get(".well-known/smart-configuration");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(json(r).get("token_endpoint").asText()).isEqualTo(tokenUrl(server));
        assertThat(json(r).get("token_endpoint_auth_methods_supported").toString()).contains("private_key_jwt");
        assertThat(json(r).get("grant_types_supported").toString()).contains("client_credentials");
    }

    /** The replay record and the signing key are in the database: used at one node, refused at the other; issued by one, good at both. */
    @Test
    void When_AssertionReplayedAtAnotherNodeOnTheSamePostgres_Expect_Refused() throws Exception {
        AdapterConfig.Database shared = TestDatabases.postgres();
        try (AdapterServer first = AdapterServer.start(config(shared)); AdapterServer second = AdapterServer.start(config(shared))) {
            JWTClaimsSet claims = claims("ward-system", "ignored", Instant.now().plusSeconds(120)).build();
            // the client addresses the first node's endpoint; the second knows itself by another port, so the same
            // assertion is addressed to both by listing both (aud may be an array)
            JWTClaimsSet both = new JWTClaimsSet.Builder(claims).audience(java.util.List.of(tokenUrl(first), tokenUrl(second))).build();
            String once = assertion(both, wardKey);
            FhirHttp atFirst = new FhirHttp(first.baseUrl().replace("/fhir", ""));
            FhirHttp atSecond = new FhirHttp(second.baseUrl().replace("/fhir", ""));
            assertThat(withAssertion(atFirst, once, "system/*.rs").status()).isEqualTo(200);
            assertRefused(withAssertion(atSecond, once, "system/*.rs"), 401, "invalid_client", "replayed jti");
            // the signing key is shared too: a token of one node is good at the other
            String token = accessToken(withAssertion(atFirst, assertion(new JWTClaimsSet.Builder(both).jwtID(UUID.randomUUID().toString()).build(),
                    wardKey), "system/*.rs"));
            assertThat(new FhirHttp(second.baseUrl()).get("Organization", bearer(token)).status()).isEqualTo(200);
        }
    }
}
