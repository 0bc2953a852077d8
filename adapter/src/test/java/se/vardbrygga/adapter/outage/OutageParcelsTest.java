package se.vardbrygga.adapter.outage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import se.vardbrygga.adapter.channel.Delivery;
import se.vardbrygga.adapter.config.AdapterConfig;
import se.vardbrygga.adapter.store.OutboxEntry;
import se.vardbrygga.mappings.Codes;
import se.vardbrygga.mappings.rules.Facts;
import se.vardbrygga.profiles.Canonical;
import se.vardbrygga.simulators.ReceivingUnitKeys;

/** What the outage routine sends for a message, and to whom (R-OUT-1), from a directory in memory. */
class OutageParcelsTest {
    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
    private static final String MAIL = "umea.hemsjukvard@example.se";

    private final Map<String, Resource> stored = new HashMap<>();
    private final Facts facts = new Facts() {
        @Override
        public Optional<Resource> resolve(Reference reference) {
            return Optional.ofNullable(stored.get(reference.getReference()));
        }

        @Override
        public List<Resource> search(String type, String query) {
            return List.of();
        }

        @Override
        public Instant now() {
            return NOW;
        }
    };

    private <T extends Resource> T add(String ref, T resource) {
        resource.setId(ref);
        stored.put(ref, resource);
        return resource;
    }

    OutageParcelsTest() throws Exception {
        byte[] der = ReceivingUnitKeys.demo().certificate(MAIL).getEncoded();
        Endpoint mail = add("Endpoint/mail", new Endpoint().setStatus(Endpoint.EndpointStatus.ACTIVE)
                .setConnectionType(new Coding(Canonical.ENDPOINT_TYPE, "smime-email", null)).setAddress("mailto:" + MAIL));
        mail.addExtension(Codes.ENDPOINT_CERTIFICATE, new Attachment().setContentType("application/pkix-cert").setData(der));
        add("Endpoint/phone", new Endpoint().setStatus(Endpoint.EndpointStatus.ACTIVE)
                .setConnectionType(new Coding(Canonical.ENDPOINT_TYPE, "phone", null)).setAddress("tel:+4690159200"));
        add("Organization/home", new Organization().setName("Umeå kommun, hemsjukvård"))
                .addEndpoint(new Reference("Endpoint/mail")).addEndpoint(new Reference("Endpoint/phone"));
        add("Organization/hc", new Organization().setName("Hälsocentralen Ersboda"));
        add("Patient/p", new Patient().addIdentifier(new Identifier().setSystem(Canonical.PERSONNUMMER).setValue("194403279823")));
    }

    private static Task assignment() {
        Task task = new Task().setStatus(Task.TaskStatus.REQUESTED).setCode(Codes.taskCode("home-care-assignment"))
                .setFor(new Reference("Patient/p")).setOwner(new Reference("Organization/home"))
                .setRequester(new Reference("Organization/hc")).setDescription("Omläggning av bensår");
        task.setId("Task/t");
        task.getMeta().setVersionId("1");
        return task;
    }

    @Test
    void When_TheReceiverHasAValidCertificate_Expect_MailToItAndAPhoneTaskForTheSender_R_OUT_1() {
        OutageParcel parcel = OutageParcels.of("m1", "lifecare-sp", "Organization/home", assignment(), facts, NOW).orElseThrow();

        assertThat(parcel.canMail()).isTrue();
        assertThat(parcel.mailTo()).contains(MAIL);
        assertThat(parcel.form().patient()).startsWith("194403279823");
        assertThat(parcel.form().sender()).isEqualTo("Hälsocentralen Ersboda");
        assertThat(parcel.form().receiver()).isEqualTo("Umeå kommun, hemsjukvård");
        assertThat(parcel.form().situation()).isEqualTo("Omläggning av bensår");
        Task call = PhoneCallTask.of(parcel, NOW, false).orElseThrow();
        assertThat(call.getOwner().getReference()).isEqualTo("Organization/hc");
        assertThat(call.getFocus().getReference()).isEqualTo("Task/t/_history/1");
        assertThat(call.getInputFirstRep().getValue().primitiveValue()).isEqualTo("+4690159200");
        assertThat(call.getDescription()).contains(MAIL).contains("+4690159200");
    }

    @Test
    void When_TheCertificateHasExpired_Expect_ThePhoneCallAlone_R_OUT_1() {
        Instant later = Instant.parse("2046-01-01T00:00:00Z"); // the demo certificates end in 2044
        OutageParcel parcel = OutageParcels.of("m2", "lifecare-sp", "Organization/home", assignment(), facts, later).orElseThrow();

        assertThat(parcel.canMail()).isFalse();
        assertThat(parcel.mailProblem()).contains("not valid now");
        OutageRoutine routine = OutageRoutine.of(AdapterConfig.Outage.OFF.withSmtp("127.0.0.1", 1), 8).orElseThrow();
        assertThat(routine.handOver(pending("m2"), parcel)).hasValueSatisfying(handover -> {
            assertThat(handover.outcome()).isInstanceOf(Delivery.Delivered.class);
            assertThat(handover.phoneCall()).isTrue();
            assertThat(handover.mail()).isEqualTo(Handover.Mail.NOT_POSSIBLE);
        });
        assertThat(PhoneCallTask.of(parcel, later, false).orElseThrow().getDescription()).contains("muntligt").contains("not valid now");
    }

    @Test
    void When_TheMailServerIsDownToo_Expect_ThePhoneCallNowAndTheMailTriedAgainLater_R_OUT_1() {
        OutageParcel parcel = OutageParcels.of("m4", "lifecare-sp", "Organization/home", assignment(), facts, NOW).orElseThrow();
        OutageRoutine routine = OutageRoutine.of(AdapterConfig.Outage.OFF.withSmtp("127.0.0.1", 1).withAfterMillis(1000), 8).orElseThrow();

        Handover first = routine.handOver(pending("m4"), parcel).orElseThrow(); // nothing listens on port 1
        assertThat(first.outcome()).isInstanceOf(Delivery.Transient.class);
        assertThat(first.phoneCall()).isTrue();
        assertThat(first.mail()).isEqualTo(Handover.Mail.TO_RETRY);
        assertThat(first.tookOver()).as("the phone call tells the receiver now").isTrue();
        assertThat(PhoneCallTask.of(parcel, NOW, true).orElseThrow().getDescription())
                .contains("muntligt").contains(MAIL).contains("skickas så snart det går");

        OutboxEntry phoned = phonedMailPending("m4", true);
        assertThat(routine.takesOver(phoned, NOW.toEpochMilli(), false)).as("the e-mail is still to go").isTrue();
        assertThat(routine.handOver(phoned, parcel).orElseThrow().phoneCall()).as("one phone call per message").isFalse();
        assertThat(routine.takesOver(phonedMailPending("m4", false), NOW.toEpochMilli(), false)).isFalse();
    }

    private static OutboxEntry pending(String messageId) {
        return OutboxEntry.queued(messageId, "Task", "t", 1, "lifecare-sp", "Organization/home", "Endpoint/e", "R-INFO-1", 0);
    }

    private static OutboxEntry phonedMailPending(String messageId, boolean mailPending) {
        OutboxEntry e = pending(messageId);
        return new OutboxEntry(e.id(), e.messageId(), e.resourceType(), e.resourceId(), e.resourceVersion(), e.channel(), e.unit(),
                e.endpoint(), e.rules(), OutboxEntry.Status.FALLBACK_SENT, 3, 0, 0, null, null, 5L, mailPending);
    }

    @Test
    void When_AUnitSendsToItself_Expect_NoOutageRoutine_R_OUT_1() {
        Task note = assignment().setOwner(new Reference("Organization/hc")); // e.g. its own Cosmic journal note
        assertThat(OutageParcels.of("m3", "cosmic-journal", "Organization/hc", note, facts, NOW)).isEmpty();
    }

    @Test
    void When_TheMessageIsAnSbarHandover_Expect_ItsFourSectionsOnTheForm_R_OUT_1() {
        Communication handover = new Communication().setSubject(new Reference("Patient/p")).setSender(new Reference("Organization/hc"));
        handover.addRecipient(new Reference("Organization/home"));
        for (String[] section : new String[][] {{"S", "Hemgång i dag"}, {"B", "KOL"}, {"A", "Stabil"}, {"R", "Hembesök i morgon"}}) {
            handover.addPayload().setContent(new StringType(section[1])).addExtension(Codes.SBAR_SECTION_EXTENSION,
                    new Coding(Canonical.CODE_SYSTEM_BASE + "sbar-section", section[0], null));
        }
        handover.setId("Communication/c");
        handover.getMeta().setVersionId("1");

        SbarForm.Content form = OutageParcels.of("m4", "lifecare-sp", "Organization/home", handover, facts, NOW).orElseThrow().form();

        assertThat(List.of(form.situation(), form.background(), form.assessment(), form.recommendation()))
                .containsExactly("Hemgång i dag", "KOL", "Stabil", "Hembesök i morgon");
    }

    private static Task servicePurchaseReply(String region) {
        Task request = new Task().setStatus(Task.TaskStatus.COMPLETED).setCode(Codes.taskCode("service-purchase-request"))
                .setFor(new Reference("Patient/p")).setOwner(new Reference("Organization/home"))
                .setRequester(new Reference("Organization/hc")).setDescription("Sårvård under vårdtiden");
        request.addInput().setType(Codes.taskParameter("region"))
                .setValue(new org.hl7.fhir.r4.model.CodeableConcept(new Coding(Canonical.REGION, region, null)));
        request.addOutput().setType(new org.hl7.fhir.r4.model.CodeableConcept().setText("Bedömd fortsatt insats"))
                .setValue(new StringType("Omläggning varannan dag"));
        request.setId("Task/sp");
        request.getMeta().setVersionId("3");
        return request;
    }

    @Test
    void When_CosmicCannotBeUsedInAJamtlandServicePurchase_Expect_TheExecutorsWrittenSummaryToThePurchaser_R_TK_7() {
        OutageParcel parcel = OutageParcels.of("m5", "cosmic-link", "Organization/hc", servicePurchaseReply("jamtland-harjedalen"),
                facts, NOW).orElseThrow();

        assertThat(parcel.form().title()).contains("Skriftlig sammanfattning").contains("R-TK-7");
        assertThat(parcel.form().note()).contains("överförs till tjänsteköparen").contains("inte finnas kvar hos utföraren");
        assertThat(parcel.form().assessment()).contains("Bedömd fortsatt insats: Omläggning varannan dag");
        assertThat(parcel.form().sender()).isEqualTo("Umeå kommun, hemsjukvård"); // the executor writes to the purchaser
        Task call = PhoneCallTask.of(parcel, NOW, false).orElseThrow();
        assertThat(call.getOwner().getReference()).isEqualTo("Organization/home");
        assertThat(call.getDescription()).contains("R-TK-7");
    }

    @Test
    void When_AnotherRegionsServicePurchase_Expect_TheStandardSbarForm_R_TK_7() {
        OutageParcel parcel = OutageParcels.of("m6", "cosmic-link", "Organization/hc", servicePurchaseReply("varmland"), facts, NOW)
                .orElseThrow();

        assertThat(parcel.form().title()).isNull();
        assertThat(PhoneCallTask.of(parcel, NOW, false).orElseThrow().getDescription()).doesNotContain("R-TK-7");
    }
}
