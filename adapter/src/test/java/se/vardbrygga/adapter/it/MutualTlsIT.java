package se.vardbrygga.adapter.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.vardbrygga.adapter.it.TestTokens.bearer;

import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.vardbrygga.adapter.config.AdapterConfig;
import se.vardbrygga.adapter.security.TokenVerifier;
import se.vardbrygga.adapter.server.AdapterServer;

/**
 * Mutual TLS for deployments with SITHS-style certificates: HTTPS with a client certificate from a trusted CA
 * required; the own token endpoint binds the tokens it issues over such a connection to the client's certificate
 * (RFC 8705), so a copied token replayed over another client's connection is refused, and audited.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MutualTlsIT {
    private static final String WARD = "SE2321009918-VB1012";
    private static final String HOME_CARE = "SE2120009952-VB2401";

    private TestCertificates certificates;
    private TestCertificates.Issued wardCertificate;
    private TestCertificates.Issued homeCareCertificate;
    private AdapterServer server;

    @BeforeAll
    void start() throws Exception {
        certificates = new TestCertificates();
        wardCertificate = certificates.unit(WARD);
        homeCareCertificate = certificates.unit(HOME_CARE);
        Path clients = Files.createTempFile("vb-clients-", ".json");
        Files.writeString(clients, """
                {"clients": [
                  {"clientId": "ward-system", "unit": "%s", "scope": "system/*.cruds", "secret": "s3cret"},
                  {"clientId": "auditor", "scope": "system/AuditEvent.rs", "secret": "audit-s3cret"}
                ]}""".formatted(WARD));
        AdapterConfig plain = SeededAdapter.config(TestDatabases.h2(), AdapterConfig.Purchase.BUILT_IN, AdapterConfig.Routing.OFF);
        AdapterConfig.Tls tls = new AdapterConfig.Tls(certificates.keyStore(certificates.server()).toString(), "changeit",
                certificates.trustStore().toString(), "changeit", "need");
        server = SeededAdapter.startSecured(new AdapterConfig(plain.server().withTls(tls), plain.database(), plain.validation(),
                plain.jobs(), plain.purchase(), plain.routing(), plain.outage(),
                new AdapterConfig.Security(false, "", "", "", "", 5, "hsa_id", 0, clients.toString(), 300)));
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    private FhirHttp over(TestCertificates.Issued certificate, String path) throws Exception {
        return new FhirHttp(server.baseUrl().replace("/fhir", path), certificates.clientContext(certificate));
    }

    private String token(TestCertificates.Issued certificate, String client, String secret) throws Exception {
        return TestTokens.fromEndpoint(over(certificate, ""), client, secret);
    }

    private int refusalsAudited() throws Exception {
        FhirHttp.Response r = over(wardCertificate, "/fhir").get("AuditEvent?outcome=4&_summary=count",
                bearer(token(wardCertificate, "auditor", "audit-s3cret")));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.as(Bundle.class).getTotal();
    }

    @Test
    void When_ClientPresentsNoCertificate_Expect_NoConnection() {
        assertThat(server.baseUrl()).startsWith("https://");
        assertThatThrownBy(() -> over(null, "/fhir").get("metadata")).as("TLS handshake without a client certificate").isInstanceOf(RuntimeException.class);
    }

    @Test
    void When_TokenIssuedOverMutualTls_Expect_BoundToThatCertificateAndRefusedOverAnother() throws Exception {
        String token = token(wardCertificate, "ward-system", "s3cret");
        Object cnf = SignedJWT.parse(token).getJWTClaimsSet().getClaim("cnf");
        assertThat(cnf).isEqualTo(Map.of("x5t#S256", TokenVerifier.thumbprint(wardCertificate.certificate())));

        FhirHttp.Response own = over(wardCertificate, "/fhir").get("Organization?identifier=urn:oid:1.2.752.29.4.19|" + WARD, bearer(token));
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.as(Bundle.class).getTotal()).isEqualTo(1);

        int before = refusalsAudited();
        FhirHttp.Response replayed = over(homeCareCertificate, "/fhir").get("Organization", bearer(token));
        assertThat(replayed.status()).as(replayed.body()).isEqualTo(401);
        assertThat(replayed.body()).contains("bound to another client certificate");
        assertThat(replayed.header("WWW-Authenticate")).contains("invalid_token");
        assertThat(refusalsAudited()).isEqualTo(before + 1);
    }
}
