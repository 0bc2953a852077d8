package se.vardbrygga.adapter.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Invoice;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.vardbrygga.adapter.cli.Demo;
import se.vardbrygga.adapter.config.AdapterConfig;
import se.vardbrygga.adapter.config.ConfigLoader;
import se.vardbrygga.adapter.server.AdapterServer;

/**
 * The demo seeds its directory through the transaction path, seeding again adds nothing, its token endpoint gives each
 * unit its token, and the README works on it, command by command, with the tokens the README gets.
 */
class DemoIT {
    @TempDir
    Path dataDir;

    /** A token of the demo's own endpoint for one of its clients (secret "demo"), as the README's token() gets it. */
    private static String token(AdapterServer demo, String client) {
        return TestTokens.fromEndpoint(new FhirHttp(demo.baseUrl().replace("/fhir", "")), client, "demo");
    }

    @Test
    void When_DemoStartedTwice_Expect_DirectorySeededOnceWithAPhoneForEveryUnit_R_INFO_4() throws Exception {
        AdapterConfig config = new ConfigLoader(java.util.Map.of()).load(null).withPort(0);
        int organizations;
        try (AdapterServer demo = Demo.start(config, dataDir, 0)) {
            FhirHttp http = new FhirHttp(demo.baseUrl());
            String[] healthCentre = TestTokens.bearer(token(demo, "healthcentre-ersboda"));
            assertThat(http.get("Organization").status()).as("the demo checks tokens").isEqualTo(401);
            organizations = http.count("Organization", healthCentre);
            assertThat(organizations).isGreaterThanOrEqualTo(10);
            assertThat(http.count("Endpoint", healthCentre)).isGreaterThanOrEqualTo(10);
            assertThat(http.count("PractitionerRole", healthCentre)).isGreaterThanOrEqualTo(3);
            assertThat(http.count("Organization?type=http://vardbrygga.example/fhir/CodeSystem/organization-type|municipal-home-care",
                    healthCentre)).isEqualTo(5);
            assertThat(http.count("Endpoint?connection-type=smime-email", healthCentre)).isEqualTo(organizations);
            // R-INFO-4: home health care and the health centre (every unit) can be reached by telephone
            assertThat(http.count("Endpoint?connection-type=phone", healthCentre)).as("phone endpoints, R-INFO-4").isEqualTo(organizations);
            // the example patients: the health centre is the GP of two; home care has no care relation with any yet
            assertThat(http.count("Patient", healthCentre)).isEqualTo(2);
            assertThat(http.count("Patient", TestTokens.bearer(token(demo, "homecare-umea")))).isZero();
        }
        try (AdapterServer again = Demo.start(config, dataDir, 0)) {
            assertThat(new FhirHttp(again.baseUrl()).count("Organization", TestTokens.bearer(token(again, "homecare-umea"))))
                    .isEqualTo(organizations);
        }
    }

    /**
     * The README's intake commands, sent in order to the demo as a newcomer would: each is accepted, the
     * delegation ends with R-DEL-1 at the admission, the stay that began 22 days ago gets its R-PA-1
     * reminder, and the reported hours make one invoice. A README example that stops working fails here.
     */
    @Test
    void When_ReadmeIntakeCommandsSentToTheDemo_Expect_AcceptedAndTheRulesSeen_R_DEL_1_R_PA_1() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"))
                .replace("'$(date -u -d '22 days ago' +%FT%TZ)'", Instant.now().minus(Duration.ofDays(22))
                        .truncatedTo(ChronoUnit.SECONDS).toString());
        Matcher posts = Pattern.compile("curl -s -H \"Authorization: Bearer \\$([A-Z_]+)\" -X POST localhost:8080/intake/([a-z-]+) "
                + "-H 'Content-Type: application/json' -d '(\\{.*?\\})'$", Pattern.DOTALL | Pattern.MULTILINE).matcher(readme);
        Matcher tokenLines = Pattern.compile("([A-Z_]+)=\\$\\(token ([a-z-]+)\\)").matcher(readme);
        AdapterConfig config = new ConfigLoader(java.util.Map.of()).load(null).withPort(0);
        try (AdapterServer demo = Demo.start(config, dataDir, 0)) {
            java.util.Map<String, String[]> tokens = new java.util.HashMap<>();
            while (tokenLines.find()) {
                tokens.put(tokenLines.group(1), TestTokens.bearer(token(demo, tokenLines.group(2))));
            }
            assertThat(tokens).as("the README's tokens").hasSizeGreaterThanOrEqualTo(4);
            FhirHttp intake = new FhirHttp(demo.baseUrl().replace("/fhir", "/intake"));
            int sent = 0;
            while (posts.find()) {
                String[] bearer = tokens.get(posts.group(1));
                assertThat(bearer).as("README token variable $" + posts.group(1)).isNotNull();
                FhirHttp.Response r = intake.post(posts.group(2), posts.group(3), "Content-Type", "application/json", bearer[0], bearer[1]);
                assertThat(r.status()).as(posts.group(2) + ": " + r.body()).isEqualTo(201);
                sent++;
            }
            assertThat(sent).as("intake commands in the README").isGreaterThanOrEqualTo(4);
            demo.assistanceLimitReminders().runOnce();

            FhirHttp fhir = new FhirHttp(demo.baseUrl());
            Matcher searches = Pattern.compile("curl -s -H \"Authorization: Bearer \\$([A-Z_]+)\" 'localhost:8080/fhir/([^']+)'").matcher(readme);
            java.util.Map<String, String[]> found = new java.util.LinkedHashMap<>(); // query -> the token it goes with
            while (searches.find()) {
                found.put(searches.group(2), tokens.get(searches.group(1)));
            }
            String endedDelegations = query(found, q -> q.endsWith("|delegation&status=cancelled"));
            Task ended = (Task) fhir.get(endedDelegations, found.get(endedDelegations)).as(Bundle.class).getEntryFirstRep().getResource();
            assertThat(ended.getStatusReason().getCodingFirstRep().getCode()).isEqualTo("R-DEL-1");
            String reminders = query(found, q -> q.endsWith("|assistance-limit-reminder"));
            assertThat(fhir.count(reminders, found.get(reminders))).isEqualTo(1);

            // the README's invoice: one Invoice of the reported night and day (2 × 2465.00 SEK, R-TK-4) and its CSV
            Matcher operation = Pattern.compile("curl -s -H \"Authorization: Bearer \\$([A-Z_]+)\" -X POST 'localhost:8080/fhir/([^']+)' "
                    + "-H 'Content-Type: application/fhir\\+json' -d '(\\{.*?\\})'$", Pattern.DOTALL | Pattern.MULTILINE).matcher(readme);
            assertThat(operation.find()).as("the README's $generate command").isTrue();
            // a unit that is no party of the agreement invoices nothing of it: its run finds no hours it may read
            String[] stranger = TestTokens.bearer(token(demo, "homecare-gavle"));
            FhirHttp.Response strangers = fhir.post(operation.group(2), operation.group(3), stranger[0], stranger[1]);
            assertThat(strangers.status()).as(strangers.body()).isEqualTo(200);
            assertThat(strangers.as(Bundle.class).getEntry()).as("no invoice of another's hours").isEmpty();
            String[] invoicing = tokens.get(operation.group(1));
            FhirHttp.Response generated = fhir.post(operation.group(2), operation.group(3), invoicing[0], invoicing[1]);
            assertThat(generated.status()).as(generated.body()).isEqualTo(200);
            Invoice invoice = (Invoice) generated.as(Bundle.class).getEntryFirstRep().getResource();
            assertThat(invoice.getTotalNet().getValue()).isEqualByComparingTo("4930.00");
            String invoices = query(found, q -> q.startsWith("Invoice?"));
            assertThat(fhir.count(invoices, found.get(invoices))).as("the purchaser sees the executor's invoice").isEqualTo(1);
            FhirHttp.Response csv = fhir.get("Invoice/" + invoice.getIdElement().getIdPart() + "/$specification", found.get(invoices));
            assertThat(csv.body().split("\r\n")).as(csv.body()).hasSize(3);

            // the demo's outbox worker delivers what the README sent to the simulators; nothing is dead
            FhirHttp admin = new FhirHttp(demo.baseUrl().replace("/fhir", "/admin"));
            com.fasterxml.jackson.databind.JsonNode counts = null;
            for (int i = 0; i < 100; i++) {
                counts = new com.fasterxml.jackson.databind.ObjectMapper().readTree(admin.get("outbox", tokens.get("WARD_TOKEN")).body()).get("counts");
                if (counts.get("pending").asInt() == 0) {
                    break;
                }
                Thread.sleep(100);
            }
            assertThat(counts.get("pending").asInt()).as(counts.toString()).isZero();
            assertThat(counts.get("delivered").asInt()).as(counts.toString()).isPositive();
            assertThat(counts.get("dead").asInt()).as(counts.toString()).isZero();
            assertThat(demo.simulators().orElseThrow().get("lifecare-sp").actedOn()).isNotEmpty();
        }
    }

    private static String query(java.util.Map<String, String[]> found, java.util.function.Predicate<String> which) {
        return found.keySet().stream().filter(which).findFirst().orElseThrow(() -> new AssertionError("no such README query"));
    }
}
