package se.vardbrygga.adapter.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.vardbrygga.adapter.config.AdapterConfig;
import se.vardbrygga.adapter.server.AdapterServer;
import se.vardbrygga.simulators.ChannelSimulator;
import se.vardbrygga.simulators.DownstreamSimulators;
import se.vardbrygga.simulators.ReceivingUnitKeys;

/**
 * The outage routine (R-OUT-1) end to end with real parts: Lifecare SP's simulator down over real HTTP, the SBAR
 * form as a real PDF in a real S/MIME e-mail through a real SMTP server (GreenMail), decrypted here with the
 * receiving unit's key; the phone-call Task for the sending unit; and the reconciliation when the system is back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OutageRoutineContract {
    private static final long DEADLINE_MILLIS = 60_000;
    private static final long CIRCUIT_OPEN_MILLIS = 300;
    private static final String HOME_CARE_MAIL = "umea.hemsjukvard@example.se";

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-25T09:00:00Z"));
    private RoutedAdapter routed;
    private DownstreamSimulators simulators;
    private AdapterServer server;
    private FhirHttp fhir;
    private FhirHttp intake;

    abstract AdapterConfig.Database database();

    @BeforeAll
    void start() throws Exception {
        routed = RoutedAdapter.start(clock, sims -> SeededAdapter.config(database(), AdapterConfig.Purchase.BUILT_IN,
                        AdapterConfig.Routing.OFF.withBackoff(1000, 10_000).withMaxAttempts(50).withCircuitOpenMillis(CIRCUIT_OPEN_MILLIS))
                .withOutage(AdapterConfig.Outage.OFF.withSmtp("127.0.0.1", sims.mail().smtpPort()).withAfterMillis(DEADLINE_MILLIS)));
        simulators = routed.simulators;
        server = routed.server;
        fhir = routed.fhir;
        intake = routed.intake;
    }

    @AfterAll
    void stop() throws Exception {
        routed.close();
    }

    private void drain() {
        routed.drain();
    }

    private JsonNode row(String task) {
        return routed.outbox("?resource=Task/" + task).get("entries").get(0);
    }

    private String healthCentre() {
        return "Organization/" + fhir.get("Organization?identifier=urn:oid:1.2.752.29.4.19|" + RoutedDocuments.HEALTH_CENTRE)
                .as(Bundle.class).getEntryFirstRep().getResource().getIdElement().getIdPart();
    }

    private Task task(String id) {
        return fhir.get("Task/" + id).as(Task.class);
    }

    @Test
    void When_LifecareIsDownPastTheDeadline_Expect_EncryptedSbarMailAndPhoneTask_ThenReconciledNotActedOnTwice_R_OUT_1() throws Exception {
        ChannelSimulator lifecare = simulators.get("lifecare-sp");
        int mailsBefore = simulators.mail().received().size();
        int actedBefore = lifecare.actedOn().size();
        int reconciledBefore = lifecare.reconciled().size();
        List<String> tasks = new ArrayList<>();
        lifecare.mode(ChannelSimulator.Mode.DOWN);
        try {
            for (int i = 0; i < 3; i++) {
                FhirHttp.Response r = intake.postJson("sip-invitation", RoutedDocuments.sipInvitation(7000 + i));
                assertThat(r.status()).as(r.body()).isEqualTo(201);
                tasks.add(r.createdId("Task"));
            }
            drain();
            clock.advance(Duration.ofSeconds(30));
            drain();
            assertThat(simulators.mail().received()).as("before the deadline: retried, no outage routine").hasSize(mailsBefore);
            assertThat(row(tasks.get(0)).get("status").asText()).isEqualTo("pending");

            clock.advance(Duration.ofSeconds(31)); // past the deadline: the next attempt is due at it, not after
            drain();

            assertThat(simulators.mail().await(mailsBefore + tasks.size(), Duration.ofSeconds(10))).isTrue();
            List<MimeMessage> mails = simulators.mail().received().subList(mailsBefore, simulators.mail().received().size());
            assertThat(mails).hasSize(tasks.size());
            ReceivingUnitKeys unit = ReceivingUnitKeys.demo();
            for (MimeMessage mail : mails) {
                assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(HOME_CARE_MAIL);
                assertThat(mail.getContentType()).contains("application/pkcs7-mime");
                assertThat(mail.getSubject()).doesNotContain("1944");
                assertThat(unit.sbarText(mail)).get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                        .contains("19440327-9823".replace("-", "")).contains("Hälsocentralen Ersboda").contains("Umeå kommun, hemsjukvård")
                        .contains("S - Situation").contains("B - Bakgrund").contains("A - Aktuellt tillstånd").contains("R - Rekommendation")
                        .contains("Uppdrag / ordination");
            }
            for (String id : tasks) {
                assertThat(row(id).get("status").asText()).isEqualTo("fallback-sent");
                assertThat(task(id).getBusinessStatus().getCodingFirstRep().getCode()).isEqualTo("fallback-sent");
                Bundle phone = fhir.get("Task?code=http://vardbrygga.example/fhir/CodeSystem/task-code|phone-call&focus=Task/" + id)
                        .as(Bundle.class);
                assertThat(phone.getEntry()).singleElement().satisfies(e -> {
                    Task call = (Task) e.getResource();
                    assertThat(call.getOwner().getReference()).as("the sending unit calls").isEqualTo(healthCentre());
                    assertThat(call.getInputFirstRep().getValue().primitiveValue()).isEqualTo("+4690159200");
                    assertThat(call.getDescription()).contains(HOME_CARE_MAIL).contains("lifecare-sp");
                    assertThat(call.getReasonCode().getCodingFirstRep().getCode()).isEqualTo("R-OUT-1");
                });
                assertThat(fhir.count("AuditEvent?action=E&entity=Task/" + id + "&subtype=http://vardbrygga.example/fhir/CodeSystem/endpoint-type|smime-email"))
                        .isEqualTo(1);
            }
            String metrics = new FhirHttp(server.baseUrl().replace("/fhir", "")).get("metrics").body();
            assertThat(metrics).contains("vardbrygga_delivery_fallbacks_total{channel=\"lifecare-sp\"} " + tasks.size() + ".0");
            assertThat(lifecare.actedOn()).hasSize(actedBefore);
        } finally {
            lifecare.mode(ChannelSimulator.Mode.UP);
        }

        Thread.sleep(CIRCUIT_OPEN_MILLIS + 100); // the Endpoint's circuit opened while it was down: one trial call, then all
        for (int round = 0; round < 2; round++) {
            clock.advance(Duration.ofSeconds(11));
            drain();
        }

        assertThat(lifecare.reconciled()).as("delivered as already handled").hasSize(reconciledBefore + tasks.size());
        assertThat(lifecare.actedOn()).as("never acted on twice").hasSize(actedBefore);
        for (String id : tasks) {
            JsonNode row = row(id);
            assertThat(row.get("status").asText()).isEqualTo("delivered");
            assertThat(row.get("fallbackSent").isTextual()).isTrue();
            assertThat(task(id).getBusinessStatus().getCodingFirstRep().getCode()).isEqualTo("fallback-sent");
        }
        clock.advance(Duration.ofMinutes(5));
        drain();
        assertThat(simulators.mail().received()).as("no second e-mail").hasSize(mailsBefore + tasks.size());
        assertThat(lifecare.requests()).isPositive();
    }

    @Test
    void When_TheMailServerIsDownToo_Expect_ThePhoneTaskAtOnce_ThenTheMailWhenItIsBack_NeverTwice_R_OUT_1() throws Exception {
        ChannelSimulator lifecare = simulators.get("lifecare-sp");
        int mailsBefore = simulators.mail().received().size();
        int actedBefore = lifecare.actedOn().size();
        int reconciledBefore = lifecare.reconciled().size();
        String phoneCalls = "Task?code=http://vardbrygga.example/fhir/CodeSystem/task-code|phone-call&focus=Task/";
        String mailHops = "AuditEvent?action=E&subtype=http://vardbrygga.example/fhir/CodeSystem/endpoint-type|smime-email&entity=Task/";
        String id;
        lifecare.mode(ChannelSimulator.Mode.DOWN);
        simulators.mail().up(false);
        try {
            FhirHttp.Response r = intake.postJson("sip-invitation", RoutedDocuments.sipInvitation(7200));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            id = r.createdId("Task");
            drain();
            clock.advance(Duration.ofSeconds(61)); // past the deadline, the mail server refusing connections
            drain();

            JsonNode row = row(id);
            assertThat(row.get("status").asText()).as("the phone call hands it over at once").isEqualTo("fallback-sent");
            assertThat(row.get("outageMail").asText()).isEqualTo("pending");
            assertThat(task(id).getBusinessStatus().getCodingFirstRep().getCode()).isEqualTo("fallback-sent");
            Task call = (Task) fhir.get(phoneCalls + id).as(Bundle.class).getEntry().stream().map(e -> e.getResource())
                    .reduce((a, b) -> { throw new AssertionError("more than one phone call"); }).orElseThrow();
            assertThat(call.getOwner().getReference()).isEqualTo(healthCentre());
            assertThat(call.getDescription()).contains("muntligt").contains(HOME_CARE_MAIL).contains("skickas så snart det går");
            assertThat(call.hasNote()).isFalse();
            assertThat(simulators.mail().received()).hasSize(mailsBefore);
            assertThat(fhir.count(mailHops + id)).as("the failed e-mail audited").isEqualTo(1);

            simulators.mail().up(true); // the mail server is back, Lifecare is not: the next attempt sends the e-mail
            clock.advance(Duration.ofSeconds(11));
            drain();

            assertThat(simulators.mail().await(mailsBefore + 1, Duration.ofSeconds(10))).isTrue();
            MimeMessage mail = simulators.mail().received().get(mailsBefore);
            assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(HOME_CARE_MAIL);
            assertThat(ReceivingUnitKeys.demo().sbarText(mail)).get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                    .contains("194403279823").contains("Hälsocentralen Ersboda").contains("R - Rekommendation");
            assertThat(row(id).has("outageMail")).isFalse();
            assertThat(row(id).get("status").asText()).isEqualTo("fallback-sent");
            assertThat(fhir.get(phoneCalls + id).as(Bundle.class).getEntry()).singleElement().satisfies(e ->
                    assertThat(((Task) e.getResource()).getNoteFirstRep().getText()).contains("har nu skickats krypterad").contains(HOME_CARE_MAIL));
            assertThat(fhir.count(mailHops + id)).isEqualTo(2);

            clock.advance(Duration.ofSeconds(11)); // still down: tried again through its channel, the e-mail not again
            drain();
            assertThat(simulators.mail().received()).hasSize(mailsBefore + 1);
        } finally {
            simulators.mail().up(true);
            lifecare.mode(ChannelSimulator.Mode.UP);
        }

        Thread.sleep(CIRCUIT_OPEN_MILLIS + 100);
        for (int round = 0; round < 2; round++) {
            clock.advance(Duration.ofSeconds(11));
            drain();
        }
        assertThat(row(id).get("status").asText()).isEqualTo("delivered");
        assertThat(lifecare.reconciled()).as("delivered as already handled").hasSize(reconciledBefore + 1);
        assertThat(lifecare.actedOn()).as("never acted on twice").hasSize(actedBefore);
        assertThat(simulators.mail().received()).hasSize(mailsBefore + 1);
        assertThat(fhir.count(phoneCalls + id)).isEqualTo(1);
    }

    @Test
    void When_TheSystemAnswersBeforeTheDeadline_Expect_NoOutageRoutine_R_OUT_1() throws Exception {
        ChannelSimulator lifecare = simulators.get("lifecare-sp");
        int mailsBefore = simulators.mail().received().size();
        lifecare.mode(ChannelSimulator.Mode.ERROR_5XX);
        String id;
        try {
            FhirHttp.Response r = intake.postJson("sip-invitation", RoutedDocuments.sipInvitation(7100));
            id = r.createdId("Task");
            drain();
            clock.advance(Duration.ofSeconds(20));
            drain();
        } finally {
            lifecare.mode(ChannelSimulator.Mode.UP);
        }
        clock.advance(Duration.ofSeconds(11));
        Thread.sleep(CIRCUIT_OPEN_MILLIS + 100);
        drain();
        assertThat(row(id).get("status").asText()).isEqualTo("delivered");
        assertThat(task(id).getBusinessStatus().getCodingFirstRep().getCode()).isEqualTo("delivered");
        assertThat(simulators.mail().received()).hasSize(mailsBefore);
        assertThat(fhir.count("Task?code=http://vardbrygga.example/fhir/CodeSystem/task-code|phone-call&focus=Task/" + id)).isZero();
    }
}
