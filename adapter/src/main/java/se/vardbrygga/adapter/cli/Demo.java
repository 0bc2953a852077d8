package se.vardbrygga.adapter.cli;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import se.vardbrygga.adapter.config.AdapterConfig;
import se.vardbrygga.adapter.fhir.Access;
import se.vardbrygga.adapter.server.AdapterServer;
import se.vardbrygga.simulators.DownstreamSimulators;

/**
 * {@code demo}: the server on an embedded H2 file under {@code ./data/demo}, seeded with the
 * directory in {@code demo/seed-bundle.json} (Organizations of the five regions' and their
 * municipalities' units, Endpoints, PractitionerRoles, example patients), with the downstream systems the
 * Endpoints name running as simulators. The seed is a transaction
 * of conditional creates through the same path as any client's, so running the demo again adds
 * nothing.
 */
public final class Demo {
    public static final Path DEFAULT_DATA_DIR = Path.of("data", "demo");

    private Demo() {
    }

    /** Starts the demo with its database in {@code dataDir}, seeds it and prints where everything is. */
    public static AdapterServer start(AdapterConfig config, Path dataDir) throws Exception {
        return start(config, dataDir, DownstreamSimulators.DEMO_BASE_PORT);
    }

    /**
     * The same with the downstream simulators from {@code simulatorBasePort} on (0: free ports, and the directory's
     * Endpoint addresses are moved to them); they stop with the server.
     */
    public static AdapterServer start(AdapterConfig config, Path dataDir, int simulatorBasePort) throws Exception {
        Path dbFile = dataDir.resolve("vardbrygga").toAbsolutePath();
        AdapterConfig demo = withDemoClients(config.withDatabase(new AdapterConfig.Database(
                "jdbc:h2:file:" + dbFile + ";RETENTION_TIME=0", "sa", "", config.database().poolSize())), dataDir.resolve("clients.json"));
        Seeded seeded = startSeeded(demo, simulatorBasePort);
        System.out.println(banner(seeded.server(), dbFile, seeded.created(), seeded.total(), dataDir, seeded.patientId(),
                demo.security()));
        return seeded.server();
    }

    /** A started demo server, and what its seeding did. */
    public record Seeded(AdapterServer server, long created, int total, String patientId) {
    }

    /**
     * The demo's directory and simulators on the database {@code config} names (e.g. PostgreSQL for a benchmark);
     * the simulators stop with the server.
     */
    public static Seeded startSeeded(AdapterConfig demo, int simulatorBasePort) throws Exception {
        DownstreamSimulators simulators = DownstreamSimulators.start(simulatorBasePort);
        AdapterServer server;
        try {
            server = Serve.start(withOutageMail(demo, simulators));
        } catch (Exception | Error e) {
            simulators.close();
            throw e;
        }
        server.attach(simulators);
        Bundle response = server.bundles().process(seedBundle(simulators), Access.ALL);
        long created = response.getEntry().stream().filter(e -> e.getResponse().getStatus().startsWith("201")).count();
        String patientId = response.getEntry().stream().filter(e -> e.getResource() instanceof Patient)
                .map(e -> e.getResource().getIdElement().getIdPart()).findFirst().orElse("PATIENT-ID");
        return new Seeded(server, created, response.getEntry().size(), patientId);
    }

    /**
     * The outage routine (R-OUT-1) through the demo's mail server, unless the configuration names another; in the
     * demo it takes over after at most a minute, so that switching a simulator to down shows it.
     */
    static AdapterConfig withOutageMail(AdapterConfig config, DownstreamSimulators simulators) {
        if (config.outage().enabled()) {
            return config;
        }
        return config.withOutage(config.outage().withSmtp("127.0.0.1", simulators.mail().smtpPort())
                .withAfterMillis(Math.min(config.outage().afterMillis(), DEMO_OUTAGE_AFTER_MILLIS)));
    }

    static final long DEMO_OUTAGE_AFTER_MILLIS = 60_000;
    static final long DEMO_TOKEN_SECONDS = 3600;

    /**
     * The demo's own token endpoint, for the clients of {@code demo/clients.json} (one per unit of the directory and an
     * auditor; written to {@code clientsFile} for the reader), unless the configuration names token keys or says to
     * run open. Tokens last an hour, time to try the README's commands.
     */
    public static AdapterConfig withDemoClients(AdapterConfig config, Path clientsFile) throws IOException {
        if (config.security().hasKeys() || config.security().open()) {
            return config;
        }
        try (InputStream in = Demo.class.getResourceAsStream("/demo/clients.json")) {
            Files.createDirectories(clientsFile.toAbsolutePath().getParent());
            Files.write(clientsFile, in.readAllBytes());
        }
        return config.withSecurity(config.security().withClients(clientsFile.toString(),
                Math.max(config.security().tokenSeconds(), DEMO_TOKEN_SECONDS)));
    }

    static Bundle seedBundle(DownstreamSimulators simulators) throws IOException {
        try (InputStream in = Demo.class.getResourceAsStream("/demo/seed-bundle.json")) {
            String json = simulators.rewrite(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, json);
        }
    }

    private static String banner(AdapterServer server, Path dbFile, long created, int total, Path dataDir,
                                 String patientId, AdapterConfig.Security security) {
        String base = server.baseUrl();
        String token = security.issuesTokens()
                ? """
                  # a token for Umeå's home care: every demo client (%1$s) has the secret "demo"
                  TOKEN=$(curl -s -u homecare-umea:demo http://localhost:%2$d/auth/token -d grant_type=client_credentials | sed -n 's/.*"access_token":"\\([^"]*\\)".*/\\1/p')
                """.formatted(security.clientsFile(), server.port())
                : "  TOKEN=...   # an access token of your configured issuer\n";
        return """

                ==== Vårdbrygga demo ====
                FHIR R4 base       %1$s
                CapabilityStatement %1$s/metadata
                Health             http://localhost:%2$d/health
                Delivery log       http://localhost:%2$d/admin/outbox
                Simulators         Cosmic Link, Messenger, journal, Lifecare SP, NPÖ (state: <address>/../_sim/state)
                Outage mail        SMTP localhost:%8$d, IMAP localhost:%9$d; decrypted as the units read it: %10$s
                Database (H2 file) %3$s.mv.db
                Seed               %4$d of %5$d directory entries created now (the rest existed)

                Try:
                %11$s  # the municipal home-care units of the directory
                  curl -s -H "Authorization: Bearer $TOKEN" '%1$s/Organization?type=http://vardbrygga.example/fhir/CodeSystem/organization-type|municipal-home-care'
                  # a companion need for an example patient (valid against vb-companion-need-careplan: 201)
                  curl -s -X POST '%1$s/CarePlan' -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/fhir+json' -d '{"resourceType":"CarePlan","status":"active","intent":"plan","author":{"identifier":{"system":"urn:oid:1.2.752.29.4.19","value":"SE2120009952-VB2401"}},"category":[{"coding":[{"system":"http://vardbrygga.example/fhir/CodeSystem/careplan-category","code":"companion-need"}]}],"extension":[{"url":"http://vardbrygga.example/fhir/StructureDefinition/vb-visit-context","valueCoding":{"system":"http://vardbrygga.example/fhir/CodeSystem/visit-context","code":"planned-outpatient"}}],"subject":{"reference":"Patient/%7$s"}}'
                  # a personnummer with a wrong check digit: refused with 422 and an OperationOutcome
                  curl -s -X POST '%1$s/Patient' -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/fhir+json' -d '{"resourceType":"Patient","identifier":[{"system":"http://electronichealth.se/identifier/personnummer","value":"191212121213"}]}'
                Stop with Ctrl-C; the data stays in %6$s.
                """.formatted(base, server.port(), dbFile, created, total, dataDir, patientId,
                server.simulators().map(s -> s.mail().smtpPort()).orElse(0), server.simulators().map(s -> s.mail().imapPort()).orElse(0),
                server.simulators().map(DownstreamSimulators::mailViewUrl).orElse("-"), token);
    }
}
