package se.vardbrygga.adapter.it;

import static se.vardbrygga.adapter.it.TestTokens.bearer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Instant;
import java.util.Date;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.vardbrygga.adapter.config.AdapterConfig;
import se.vardbrygga.adapter.server.AdapterServer;

/**
 * Who may call (issue "Who may see and do what"): bearer tokens checked for signature, issuer, audience and expiry;
 * scopes per type and interaction, also per transaction entry; an intake only in the caller's own unit's name; every
 * refused attempt audited; and a server without keys does not start unless told to run open.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityIT {
    private static final String HEALTH_CENTRE = "SE2321009959-VB1401";
    private static final String WARD = "SE2321009918-VB1012";
    private static final String HOME_CARE = "SE2120009952-VB2401";

    private static final int LIMIT = 60;

    private final TestTokens tokens = new TestTokens();
    private AdapterServer server;
    private FhirHttp fhir;
    private FhirHttp intake;
    private String auditor;

    @BeforeAll
    void start() throws Exception {
        AdapterConfig config = SeededAdapter.config(TestDatabases.h2(), AdapterConfig.Purchase.BUILT_IN, AdapterConfig.Routing.OFF)
                .withSecurity(tokens.security(LIMIT));
        server = SeededAdapter.startSecured(config);
        fhir = new FhirHttp(server.baseUrl());
        intake = new FhirHttp(server.baseUrl().replace("/fhir", "/intake"));
        auditor = tokens.token("auditor", null, "system/AuditEvent.rs");
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    private int refusalsAudited() {
        FhirHttp.Response r = fhir.get("AuditEvent?outcome=4&_summary=count", bearer(auditor));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.as(Bundle.class).getTotal();
    }

    /** How many of a type the store holds, seen by the server itself: what no caller's view filters. */
    private int countAll(String type) {
        Bundle search = new Bundle().setType(Bundle.BundleType.BATCH);
        search.addEntry().getRequest().setMethod(Bundle.HTTPVerb.GET).setUrl(type + "?_summary=count");
        return ((Bundle) server.bundles().process(search, se.vardbrygga.adapter.fhir.Access.ALL).getEntryFirstRep().getResource()).getTotal();
    }

    private void assertRefused(FhirHttp.Response r, int status, String text) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        OperationOutcome outcome = r.as(OperationOutcome.class);
        assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains(text);
        assertThat(r.body()).doesNotContain("at se.vardbrygga").doesNotContain("Exception");
    }

    @Test
    void When_NoToken_Expect_401WithBearerChallengeAndAudited() {
        int before = refusalsAudited();
        FhirHttp.Response r = fhir.get("Task");
        assertRefused(r, 401, "no bearer token");
        assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(intake.post("consent", "{}", "Content-Type", "application/json").status()).isEqualTo(401);
        assertThat(new FhirHttp(server.baseUrl().replace("/fhir", "/admin")).get("outbox").status()).isEqualTo(401);
        assertThat(refusalsAudited()).isEqualTo(before + 3);
    }

    @Test
    void When_CapabilityStatementWithoutToken_Expect_200() {
        assertThat(fhir.get("metadata").status()).isEqualTo(200);
    }

    @Test
    void When_AnyAnswer_Expect_SecurityHeadersAndNoCors() {
        for (FhirHttp.Response r : java.util.List.of(fhir.get("metadata", "Origin", "https://elsewhere.example"),
                fhir.get("Task", "Origin", "https://elsewhere.example"),
                fhir.get("Organization", "Authorization", "Bearer " + auditor, "Origin", "https://elsewhere.example"))) {
            assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(r.header("Content-Security-Policy")).contains("default-src 'none'");
            assertThat(r.header("Cache-Control")).isEqualTo("no-store");
            assertThat(r.header("Access-Control-Allow-Origin")).as("CORS is off").isNull();
        }
    }

    @Test
    void When_TokenExpired_Expect_401AndAudited() {
        JWTClaimsSet expired = tokens.claims("ward-system", WARD, "system/*.cruds")
                .expirationTime(Date.from(Instant.now().minusSeconds(600))).build();
        int before = refusalsAudited();
        FhirHttp.Response r = fhir.get("Task", bearer(tokens.sign(expired)));
        assertRefused(r, 401, "expired");
        assertThat(r.header("WWW-Authenticate")).contains("invalid_token");
        assertThat(refusalsAudited()).isEqualTo(before + 1);
    }

    @Test
    void When_TokenSignedByAnotherKey_Expect_401AndAudited() {
        int before = refusalsAudited();
        assertRefused(fhir.get("Task", bearer(tokens.signedByStranger(tokens.claims("ward-system", WARD, "system/*.cruds").build()))),
                401, "signature");
        assertThat(refusalsAudited()).isEqualTo(before + 1);
    }

    @Test
    void When_TokenForAnotherAudienceOrFromAnotherIssuer_Expect_401AndAudited() {
        int before = refusalsAudited();
        assertRefused(fhir.get("Task", bearer(tokens.sign(tokens.claims("ward-system", WARD, "system/*.cruds")
                .audience("https://other.example/fhir").build()))), 401, "audience");
        assertRefused(fhir.get("Task", bearer(tokens.sign(tokens.claims("ward-system", WARD, "system/*.cruds")
                .issuer("https://evil.example").build()))), 401, "issuer");
        assertRefused(fhir.get("Task", bearer("not.a.jwt")), 401, "not a signed JWT");
        assertThat(refusalsAudited()).isEqualTo(before + 3);
    }

    @Test
    void When_ScopeLacksTheInteraction_Expect_403NamingTheScopeAndAudited() {
        String readPatients = tokens.token("reader", HOME_CARE, "system/Patient.rs system/Task.r");
        int before = refusalsAudited();
        assertThat(fhir.get("Patient", bearer(readPatients)).status()).isEqualTo(200);
        assertRefused(fhir.get("Task?status=requested", bearer(readPatients)), 403, "system/Task.s");
        assertRefused(fhir.get("Organization", bearer(readPatients)), 403, "system/Organization.s");
        assertRefused(fhir.post("Patient", "{\"resourceType\":\"Patient\"}", bearer(readPatients)), 403, "system/Patient.c");
        assertThat(refusalsAudited()).isEqualTo(before + 3);
    }

    @Test
    void When_TransactionEntryOutsideTheScopes_Expect_403NamingTheEntryAndNothingWritten() {
        String patientsOnly = tokens.token("registry", HEALTH_CENTRE, "system/Patient.cruds");
        int patients = countAll("Patient");
        String transaction = """
                {"resourceType":"Bundle","type":"transaction","entry":[
                 {"resource":{"resourceType":"Patient","identifier":[{"system":"http://electronichealth.se/identifier/personnummer","value":"197001012384"}]},
                  "request":{"method":"POST","url":"Patient"}},
                 {"resource":{"resourceType":"Organization","name":"X"},"request":{"method":"POST","url":"Organization"}}]}""";
        FhirHttp.Response r = fhir.post("", transaction, "Content-Type", "application/fhir+json", "Authorization", "Bearer " + patientsOnly);
        assertRefused(r, 403, "system/Organization.c");
        assertThat(r.as(OperationOutcome.class).getIssueFirstRep().getExpression().get(0).getValue()).isEqualTo("Bundle.entry[1]");
        assertThat(countAll("Patient")).isEqualTo(patients);
    }

    @Test
    void When_IntakeSentInAnotherUnitsName_Expect_403OnSenderAndNothingWritten() {
        String consent = ("{'sender':{'hsaId':'%s'},'patient':{'personnummer':'194403279823'},'decision':'permit',"
                + "'receivingUnits':[{'hsaId':'%s'}],'period':{'start':'2026-01-01','end':'2030-12-31'},'date':'2026-01-01'}")
                .formatted(HEALTH_CENTRE, HOME_CARE).replace('\'', '"');
        int consents = countAll("Consent");
        FhirHttp.Response asWard = intake.post("consent", consent, "Content-Type", "application/json",
                "Authorization", "Bearer " + tokens.token("ward-system", WARD, "system/*.cruds"));
        assertRefused(asWard, 403, "sender.hsaId must be the calling unit");
        assertThat(asWard.as(OperationOutcome.class).getIssueFirstRep().getExpression().get(0).getValue()).isEqualTo("sender.hsaId");
        assertThat(countAll("Consent")).isEqualTo(consents);

        FhirHttp.Response asHealthCentre = intake.post("consent", consent, "Content-Type", "application/json",
                "Authorization", "Bearer " + tokens.token("hc-system", HEALTH_CENTRE, "system/*.cruds"));
        assertThat(asHealthCentre.status()).as(asHealthCentre.body()).isEqualTo(201);
        assertThat(countAll("Consent")).isEqualTo(consents + 1);
    }

    @Test
    void When_ClientSendsMoreThanItsRequestsPerMinute_Expect_429WithRetryAfterAndAudited() {
        String chatty = tokens.token("chatty", HOME_CARE, "system/*.rs");
        int before = refusalsAudited();
        for (int i = 0; i < LIMIT; i++) {
            assertThat(fhir.get("Organization?_summary=count", bearer(chatty)).status()).isEqualTo(200);
        }
        FhirHttp.Response limited = null;
        for (int i = 0; i <= LIMIT && limited == null; i++) { // one minute's window holds more than LIMIT of these 2*LIMIT+1
            FhirHttp.Response r = fhir.get("Organization?_summary=count", bearer(chatty));
            limited = r.status() == 429 ? r : null;
        }
        assertThat(limited).as("429 after more than %d requests in one minute", LIMIT).isNotNull();
        assertRefused(limited, 429, "More than " + LIMIT + " requests");
        assertThat(limited.header("Retry-After")).matches("\\d+");
        assertThat(fhir.get("Organization?_summary=count", bearer(tokens.token("other", WARD, "system/*.rs"))).status())
                .as("another client is not limited").isEqualTo(200);
        assertThat(refusalsAudited()).isGreaterThanOrEqualTo(before + 1);
    }

    @Test
    void When_NoKeysAndNotOpen_Expect_ServerRefusesToStart() {
        AdapterConfig keyless = SeededAdapter.config(TestDatabases.h2(), AdapterConfig.Purchase.BUILT_IN, AdapterConfig.Routing.OFF)
                .withSecurity(new AdapterConfig.Security(false, "", "", "", "", 60, "hsa_id", 0, "", 300));
        assertThatThrownBy(() -> AdapterServer.start(keyless)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("security.open=true");
    }
}
