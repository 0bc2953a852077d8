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

/** The demo seeds its directory through the transaction path, seeding again adds nothing, and the README works on it. */
class DemoIT {
    @TempDir
    Path dataDir;

    @Test
    void When_DemoStartedTwice_Expect_DirectorySeededOnceWithAPhoneForEveryUnit_R_INFO_4() throws Exception {
        AdapterConfig config = new ConfigLoader(java.util.Map.of()).load(null).withPort(0);
        int organizations;
        try (AdapterServer demo = Demo.start(config, dataDir, 0)) {
            FhirHttp http = new FhirHttp(demo.baseUrl());
            organizations = total(http, "Organization");
            assertThat(organizations).isGreaterThanOrEqualTo(10);
            assertThat(total(http, "Endpoint")).isGreaterThanOrEqualTo(10);
            assertThat(total(http, "Patient")).isGreaterThanOrEqualTo(3);
            assertThat(total(http, "PractitionerRole")).isGreaterThanOrEqualTo(3);
            assertThat(total(http, "Organization?type=http://vardbrygga.example/fhir/CodeSystem/organization-type|municipal-home-care"))
                    .isEqualTo(5);
            assertThat(total(http, "Endpoint?connection-type=smime-email")).isEqualTo(organizations);
            // R-INFO-4: home health care and the health centre (every unit) can be reached by telephone
            assertThat(total(http, "Endpoint?connection-type=phone")).as("phone endpoints, R-INFO-4").isEqualTo(organizations);
        }
        try (AdapterServer again = Demo.start(config, dataDir, 0)) {
            assertThat(total(new FhirHttp(again.baseUrl()), "Organization")).isEqualTo(organizations);
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
        Matcher posts = Pattern.compile("curl -s -X POST localhost:8080/intake/([a-z-]+) -H 'Content-Type: application/json' "
                + "-d '(\\{.*?\\})'$", Pattern.DOTALL | Pattern.MULTILINE).matcher(readme);
        AdapterConfig config = new ConfigLoader(java.util.Map.of()).load(null).withPort(0);
        try (AdapterServer demo = Demo.start(config, dataDir, 0)) {
            FhirHttp intake = new FhirHttp(demo.baseUrl().replace("/fhir", "/intake"));
            int sent = 0;
            while (posts.find()) {
                FhirHttp.Response r = intake.post(posts.group(1), posts.group(2), "Content-Type", "application/json");
                assertThat(r.status()).as(posts.group(1) + ": " + r.body()).isEqualTo(201);
                sent++;
            }
            assertThat(sent).as("intake commands in the README").isGreaterThanOrEqualTo(4);
            demo.assistanceLimitReminders().runOnce();

            FhirHttp fhir = new FhirHttp(demo.baseUrl());
            Matcher searches = Pattern.compile("curl -s 'localhost:8080/fhir/([^']+)'").matcher(readme);
            List<String> found = new ArrayList<>();
            while (searches.find()) {
                found.add(searches.group(1));
            }
            String endedDelegations = found.stream().filter(q -> q.endsWith("|delegation&status=cancelled")).findFirst().orElseThrow();
            Task ended = (Task) fhir.get(endedDelegations).as(Bundle.class).getEntryFirstRep().getResource();
            assertThat(ended.getStatusReason().getCodingFirstRep().getCode()).isEqualTo("R-DEL-1");
            String reminders = found.stream().filter(q -> q.endsWith("|assistance-limit-reminder")).findFirst().orElseThrow();
            assertThat(total(fhir, reminders)).isEqualTo(1);

            // the README's invoice: one Invoice of the reported night and day (2 × 2465.00 SEK, R-TK-4) and its CSV
            Matcher operation = Pattern.compile("curl -s -X POST 'localhost:8080/fhir/([^']+)' -H 'Content-Type: application/fhir\\+json' "
                    + "-d '(\\{.*?\\})'$", Pattern.DOTALL | Pattern.MULTILINE).matcher(readme);
            assertThat(operation.find()).as("the README's $generate command").isTrue();
            FhirHttp.Response generated = fhir.post(operation.group(1), operation.group(2));
            assertThat(generated.status()).as(generated.body()).isEqualTo(200);
            Invoice invoice = (Invoice) generated.as(Bundle.class).getEntryFirstRep().getResource();
            assertThat(invoice.getTotalNet().getValue()).isEqualByComparingTo("4930.00");
            String invoices = found.stream().filter(q -> q.startsWith("Invoice?")).findFirst().orElseThrow();
            assertThat(total(fhir, invoices)).isEqualTo(1);
            FhirHttp.Response csv = fhir.get("Invoice/" + invoice.getIdElement().getIdPart() + "/$specification");
            assertThat(csv.body().split("\r\n")).as(csv.body()).hasSize(3);

            // the demo's outbox worker delivers what the README sent to the simulators; nothing is dead
            FhirHttp admin = new FhirHttp(demo.baseUrl().replace("/fhir", "/admin"));
            com.fasterxml.jackson.databind.JsonNode counts = null;
            for (int i = 0; i < 100; i++) {
                counts = new com.fasterxml.jackson.databind.ObjectMapper().readTree(admin.get("outbox").body()).get("counts");
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

    private static int total(FhirHttp http, String query) {
        return http.count(query);
    }
}
