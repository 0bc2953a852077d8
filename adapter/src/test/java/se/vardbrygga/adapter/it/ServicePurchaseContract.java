package se.vardbrygga.adapter.it;

import static org.assertj.core.api.Assertions.assertThat;
import static se.vardbrygga.adapter.it.Refusals.assertRefused;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ChargeItem;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Contract;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Invoice;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.vardbrygga.adapter.config.AdapterConfig;
import se.vardbrygga.adapter.server.AdapterServer;

/**
 * Service purchase over HTTP, validation and rules on, against the demo directory: agreements and reported hours
 * through the intake, pricing by the region's rule set, invoices per cadence, the CSV specification, the end at
 * discharge, the repayment, deviation and cannot-fulfil notices, and bad input refused with nothing stored.
 * Värmland's 2026 rate comes from an operator directory written by the test (345.70: a made-up value).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServicePurchaseContract {
    private static final String SP = "http://vardbrygga.example/fhir/CodeSystem/service-purchase";
    private static final String WARD = "SE2321009918-VB1012";
    private static final String ASSISTANCE = "SE5590009915-VB3001";
    private static final String HEALTH_CENTRE = "SE2321009959-VB1401";

    private AdapterServer server;
    private FhirHttp fhir;
    private FhirHttp intake;

    abstract AdapterConfig.Database database();

    @BeforeAll
    void start() throws Exception {
        Path operator = Files.createTempDirectory("vardbrygga-regions-");
        String varmland = new String(getClass().getResourceAsStream("/regions/varmland.json").readAllBytes(), StandardCharsets.UTF_8)
                .replace("\"ratesByYear\": {}", "\"ratesByYear\": {\"2026\": {\"sek\": \"345.70\", \"rule\": \"R-TK-4\", \"source\": \"test value\"}}");
        assertThat(varmland).contains("345.70");
        Files.writeString(operator.resolve("varmland.json"), varmland);
        server = SeededAdapter.start(database(), Clock.systemUTC(), new AdapterConfig.Purchase(operator.toString()));
        fhir = new FhirHttp(server.baseUrl());
        intake = new FhirHttp(server.baseUrl().replace("/fhir", "/intake"));
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    private static String agreement(String id, String personnummer, String region, String start, String end, boolean signed, String extra) {
        String signatures = signed ? ",'signatures':[{'party':'purchaser','signedBy':{'hsaId':'SE2321009918-R0901','name':'Maria Ek'},"
                + "'signedAt':'" + start + "'},{'party':'executor','signedBy':{'hsaId':'SE5590009915-R0001','name':'Jonas Holm'},"
                + "'signedAt':'" + start + "'}]" : "";
        return ("{'agreementId':'%s','sender':{'hsaId':'%s'},'patient':{'personnummer':'%s'},'region':'%s','executor':{'hsaId':'%s'},"
                + "'period':{'start':'%s'%s},'daysAndTimes':'Alla dagar','partOfDay':'whole-day',"
                + "'tasks':[{'kind':'supervision','text':'Tillsyn'}]%s%s}")
                .formatted(id, WARD, personnummer, region, ASSISTANCE, start, end == null ? "" : ",'end':'" + end + "'", extra, signatures);
    }

    private static String hours(String agreementId, String... intervals) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < intervals.length; i += 3) {
            items.add("{'reportId':'%s','start':'%s','end':'%s'}".formatted(intervals[i], intervals[i + 1], intervals[i + 2]));
        }
        return "{'sender':{'hsaId':'%s'},'agreementId':'%s','hours':[%s]}".formatted(ASSISTANCE, agreementId, String.join(",", items));
    }

    private String created(FhirHttp.Response r, String type) {
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.createdId(type);
    }

    private Bundle generate(String region, String periodStart) {
        Parameters in = new Parameters();
        in.addParameter().setName("region").setValue(new CodeType(region));
        in.addParameter().setName("periodStart").setValue(new DateType(periodStart));
        FhirHttp.Response r = fhir.post("Invoice/$generate", in);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.as(Bundle.class);
    }

    private ChargeItem item(String id) {
        return fhir.get("ChargeItem/" + id).as(ChargeItem.class);
    }

    private List<ChargeItem> itemsOf(String contractId) {
        return fhir.get("ChargeItem?agreement=Contract/" + contractId).as(Bundle.class).getEntry().stream()
                .map(e -> (ChargeItem) e.getResource()).toList();
    }

    @Test
    void reportedHoursArePricedAndInvoicedOnceWithTheResponsibilityNumber_R_TK_4_R_CMP_5() {
        String signed = created(intake.postJson("service-purchase-agreement", agreement("TK-V1", "196307182342", "vastmanland",
                "2023-03-01T00:00:00+01:00", "2023-03-31T23:59:00+02:00", true, ",'invoiceMarks':['ansvarsnummer 4711']")), "Contract");
        String unsigned = created(intake.postJson("service-purchase-agreement", agreement("TK-V2", "197010102395", "vastmanland",
                "2023-03-01T00:00:00+01:00", "2023-03-31T23:59:00+02:00", false, ",'invoiceMarks':['ansvarsnummer 4711']")), "Contract");
        assertThat(fhir.get("Contract/" + signed).as(Contract.class).getStatus()).isEqualTo(Contract.ContractStatus.EXECUTED);

        created(intake.postJson("reported-hours", hours("TK-V1", "n1", "2023-03-10T22:00:00+01:00", "2023-03-11T06:30:00+01:00",
                "d1", "2023-03-11T08:00:00+01:00", "2023-03-11T16:30:00+01:00")), "ChargeItem");
        created(intake.postJson("reported-hours", hours("TK-V2", "u1", "2023-03-12T08:00:00+01:00", "2023-03-12T09:00:00+01:00")), "ChargeItem");
        // a resend of the same report is not counted twice
        assertThat(intake.postJson("reported-hours", hours("TK-V1", "n1", "2023-03-10T22:00:00+01:00", "2023-03-11T06:30:00+01:00")).status())
                .isIn(200, 201);

        List<ChargeItem> items = itemsOf(signed);
        assertThat(items).hasSize(2).allSatisfy(i -> {
            assertThat(i.getPriceOverride().getValue()).isEqualByComparingTo("2465.00"); // 8.5 h × 290, night = day
            assertThat(i.getStatus()).isEqualTo(ChargeItem.ChargeItemStatus.BILLABLE);
        });
        assertThat(itemsOf(unsigned)).singleElement()
                .satisfies(i -> assertThat(i.getStatus()).isEqualTo(ChargeItem.ChargeItemStatus.NOTBILLABLE)); // R-CMP-5

        Bundle invoices = generate("vastmanland", "2023-03-01");

        assertThat(invoices.getEntry()).hasSize(1);
        Invoice invoice = (Invoice) invoices.getEntryFirstRep().getResource();
        assertThat(invoice.getTotalNet().getValue()).isEqualByComparingTo("4930.00");
        assertThat(invoice.getLineItem()).hasSize(2);
        assertThat(invoice.getExtensionByUrl("http://vardbrygga.example/fhir/StructureDefinition/vb-invoice-mark").getValue().primitiveValue())
                .isEqualTo("ansvarsnummer 4711");
        assertThat(itemsOf(signed)).allSatisfy(i -> assertThat(i.getStatus()).isEqualTo(ChargeItem.ChargeItemStatus.BILLED));
        assertThat(generate("vastmanland", "2023-03-01").getEntry()).isEmpty(); // each hour is invoiced once

        FhirHttp.Response csv = fhir.get("Invoice/" + invoice.getIdElement().getIdPart() + "/$specification");
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.body().split("\r\n")).hasSize(3)
                .anySatisfy(row -> assertThat(row).contains("196307182342").contains("TK-V1").contains("2023-03-10 22:00").endsWith(";2465.00"));

        // invoiced hours are not changed
        ChargeItem billed = itemsOf(signed).get(0);
        billed.getOccurrencePeriod().setEndElement(new org.hl7.fhir.r4.model.DateTimeType("2023-03-11T07:00:00+01:00"));
        FhirHttp.Response change = fhir.put("ChargeItem/" + billed.getIdElement().getIdPart(), billed);
        assertRefused(change, "ChargeItem.status", "R-TK-4");
    }

    @Test
    void badHoursAndInvoiceRequestsAreRefusedAndNothingStored_R_TK_3_R_TK_4() {
        created(intake.postJson("service-purchase-agreement", agreement("TK-V3", "195502024465", "vastmanland",
                "2023-05-01T00:00:00+02:00", "2023-05-31T00:00:00+02:00", true, ",'invoiceMarks':['ansvarsnummer 4711']")), "Contract");
        created(intake.postJson("service-purchase-agreement", agreement("TK-W1", "195502024465", "varmland",
                "2025-01-01T00:00:00+01:00", "2026-12-31T00:00:00+01:00", true, "")), "Contract");
        created(intake.postJson("reported-hours", hours("TK-V3", "a", "2023-05-02T08:00:00+02:00", "2023-05-02T12:00:00+02:00")), "ChargeItem");
        int items = fhir.count("ChargeItem");

        assertRefused(intake.postJson("reported-hours", hours("TK-V3", "b", "2023-06-02T08:00:00+02:00", "2023-06-02T09:00:00+02:00")),
                "hours[0]", "R-TK-3"); // outside the agreement period
        assertRefused(intake.postJson("reported-hours", hours("TK-V3", "c", "2023-05-03T10:00:00+02:00", "2023-05-03T09:00:00+02:00")),
                "hours[0]", null); // negative
        assertRefused(intake.postJson("reported-hours", hours("TK-V3", "d", "2023-05-02T11:00:00+02:00", "2023-05-02T13:00:00+02:00")),
                "hours[0]", "R-TK-4"); // overlapping
        assertRefused(intake.postJson("reported-hours", hours("TK-V3", "e", "2023-05-04T08:00:00+02:00", "2023-05-04T09:00:00+02:00",
                "f", "2023-05-04T08:30:00+02:00", "2023-05-04T09:30:00+02:00")), "hours[1]", "R-TK-4"); // overlapping each other
        FhirHttp.Response noRate = intake.postJson("reported-hours", hours("TK-W1", "g", "2025-10-02T08:00:00+02:00", "2025-10-02T09:00:00+02:00"));
        assertRefused(noRate, "hours[0]", "R-TK-4");
        assertThat(noRate.body()).contains("ratesByYear.2025");
        assertRefused(intake.postJson("reported-hours", hours("TK-NONE", "h", "2023-05-02T08:00:00+02:00", "2023-05-02T09:00:00+02:00")),
                "agreementId", null);
        assertThat(fhir.count("ChargeItem")).isEqualTo(items);

        int invoices = fhir.count("Invoice");
        assertRefused(generateRaw("halland", "2023-05-01"), "Parameters.parameter('region')", "R-TK-4");
        assertRefused(generateRaw("vastmanland", "2023-05-02"), "Parameters.parameter('periodStart')", "R-TK-4");
        assertRefused(generateRaw("jamtland-harjedalen", "2023-05-01"), "Parameters.parameter('periodStart')", "R-TK-4"); // not a quarter
        assertRefused(generateRaw("vasterbotten", "2023-05-01"), "Parameters.parameter('periodStart')", "R-TK-4");
        assertRefused(generateRaw("varmland", "2099-01-01"), "Parameters.parameter('periodStart')", "R-TK-4"); // not ended
        assertThat(fhir.count("Invoice")).isEqualTo(invoices);
    }

    private FhirHttp.Response generateRaw(String region, String periodStart) {
        Parameters in = new Parameters();
        in.addParameter().setName("region").setValue(new CodeType(region));
        in.addParameter().setName("periodStart").setValue(new DateType(periodStart));
        return fhir.post("Invoice/$generate", in);
    }

    @Test
    void vastmanlandAgreementEndsAtDischargeAndIsInvoicedThen_R_TK_3() {
        String episode = "{'sender':{'hsaId':'%s'},'patient':{'personnummer':'194803123456'},'episodeId':'TK-E1','event':'%s',"
                + "'class':'inpatient','start':'2023-04-01T10:00:00+02:00'%s}";
        created(intake.postJson("admission", episode.formatted(WARD, "admission", "")), "Encounter");
        String contract = created(intake.postJson("service-purchase-agreement", agreement("TK-V4", "194803123456", "vastmanland",
                "2023-04-01T12:00:00+02:00", null, true, ",'invoiceMarks':['ansvarsnummer 4711']")), "Contract");
        created(intake.postJson("reported-hours", hours("TK-V4", "a", "2023-04-02T08:00:00+02:00", "2023-04-02T10:00:00+02:00")), "ChargeItem");

        FhirHttp.Response discharge = intake.postJson("admission", episode.formatted(WARD, "discharge", ",'end':'2023-04-05T11:00:00+02:00'"));
        assertThat(discharge.status()).as(discharge.body()).isEqualTo(201);

        Contract ended = fhir.get("Contract/" + contract).as(Contract.class);
        assertThat(ended.getStatus()).isEqualTo(Contract.ContractStatus.TERMINATED);
        assertThat(ended.getApplies().getEndElement().getValue().toInstant()).isEqualTo(java.time.Instant.parse("2023-04-05T09:00:00Z"));
        assertThat(fhir.count("Provenance?target=Contract/" + contract)).isGreaterThanOrEqualTo(1);
        // hours after the discharge lie outside the agreement now
        assertRefused(intake.postJson("reported-hours", hours("TK-V4", "b", "2023-04-06T08:00:00+02:00", "2023-04-06T10:00:00+02:00")),
                "hours[0]", "R-TK-3");

        Parameters atDischarge = new Parameters();
        atDischarge.addParameter().setName("agreement").setValue(new Reference("Contract/" + contract));
        FhirHttp.Response r = fhir.post("Invoice/$generate", atDischarge);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.as(Bundle.class).getEntry()).singleElement()
                .satisfies(e -> assertThat(((Invoice) e.getResource()).getTotalNet().getValue()).isEqualByComparingTo("580.00"));
    }

    @Test
    void repaymentWhenAssistanceCompensationIsGrantedAfterwards_R_PA_4() {
        String contract = created(intake.postJson("service-purchase-agreement", agreement("TK-W2", "191212121212", "varmland",
                "2026-10-01T00:00:00+02:00", "2026-10-31T00:00:00+01:00", true, "")), "Contract");
        created(intake.postJson("reported-hours", hours("TK-W2", "a", "2026-10-02T08:00:00+02:00", "2026-10-02T12:00:00+02:00",
                "b", "2026-10-03T08:00:00+02:00", "2026-10-03T09:15:00+02:00")), "ChargeItem");
        assertThat(itemsOf(contract)).extracting(i -> i.getPriceOverride().getValue().toPlainString())
                .containsExactlyInAnyOrder("1382.80", "432.13"); // 4 h and 1.25 h × 345.70
        Bundle invoiced = generate("varmland", "2026-10-01");
        assertThat(invoiced.getEntry()).singleElement()
                .satisfies(e -> assertThat(((Invoice) e.getResource()).getTotalNet().getValue()).isEqualByComparingTo("1814.93"));

        FhirHttp.Response granted = fhir.post("Contract/" + contract + "/$assistance-granted", new Parameters());
        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
        Invoice repayment = (Invoice) granted.as(Bundle.class).getEntryFirstRep().getResource();
        assertThat(repayment.getTotalNet().getValue()).isEqualByComparingTo("-1814.93");
        assertThat(repayment.getType().getCodingFirstRep().getCode()).isEqualTo("repayment");
        int invoices = fhir.count("Invoice");
        assertThat(fhir.post("Contract/" + contract + "/$assistance-granted", new Parameters()).status()).isEqualTo(200);
        assertThat(fhir.count("Invoice")).isEqualTo(invoices); // once

        String vastmanland = created(intake.postJson("service-purchase-agreement", agreement("TK-V5", "191212121212", "vastmanland",
                "2023-01-01T00:00:00+01:00", null, true, ",'invoiceMarks':['ansvarsnummer 4711']")), "Contract");
        assertRefused(fhir.post("Contract/" + vastmanland + "/$assistance-granted", new Parameters()), null, "R-PA-4");
    }

    @Test
    void twoInvoiceRunsAtOnceBillEachHourOnce_R_TK_4() throws Exception {
        created(intake.postJson("service-purchase-agreement", agreement("TK-J1", "196307182342", "jamtland-harjedalen",
                "2017-07-01T00:00:00+02:00", "2017-09-30T00:00:00+02:00", true, "")), "Contract");
        created(intake.postJson("reported-hours", hours("TK-J1", "a", "2017-08-02T08:00:00+02:00", "2017-08-02T10:05:00+02:00",
                "b", "2017-09-02T08:00:00+02:00", "2017-09-02T08:10:00+02:00")), "ChargeItem");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Bundle>> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            runs.add(pool.submit(() -> {
                go.await();
                return generate("jamtland-harjedalen", "2017-07-01");
            }));
        }
        go.countDown();
        int made = 0;
        for (Future<Bundle> run : runs) {
            made += run.get().getEntry().size();
        }
        pool.shutdown();

        assertThat(made).isEqualTo(1);
        Invoice invoice = (Invoice) fhir.get("Invoice?_count=100")
                .as(Bundle.class).getEntry().stream().map(e -> (Invoice) e.getResource())
                .filter(i -> i.getIdentifierFirstRep().getValue().startsWith("jamtland-harjedalen-2017-Q3")).findFirst().orElseThrow();
        assertThat(invoice.getTotalNet().getValue()).isEqualByComparingTo("2040.00"); // 3 + 1 started hours × 510
        assertThat(invoice.getExtensionByUrl("http://vardbrygga.example/fhir/StructureDefinition/vb-due-date")).isNotNull();
    }

    @Test
    void seriousDeviationGoesToTheResponsibleCareProviderAndTheChiefPhysician_R_TK_2_R_TK_5() {
        String contract = created(intake.postJson("service-purchase-agreement", agreement("TK-W3", "197010102395", "varmland",
                "2026-11-01T00:00:00+01:00", null, true, "")), "Contract");
        Contract agreement = fhir.get("Contract/" + contract).as(Contract.class);
        String ward = agreement.getTermFirstRep().getOffer().getParty().get(0).getReferenceFirstRep().getReference();
        String executor = agreement.getTermFirstRep().getOffer().getParty().get(1).getReferenceFirstRep().getReference();

        FhirHttp.Response wrong = fhir.post("Communication", notice("deviation-report", contract, executor, executor,
                Communication.CommunicationPriority.URGENT, agreement));
        assertRefused(wrong, "Communication.recipient", "R-TK-5");

        FhirHttp.Response reported = fhir.post("Communication", notice("deviation-report", contract, executor, ward,
                Communication.CommunicationPriority.URGENT, agreement));
        assertThat(reported.status()).as(reported.body()).isEqualTo(201);
        String id = reported.resource().getIdElement().getIdPart();
        assertThat(fhir.count("Task?code=http://vardbrygga.example/fhir/CodeSystem/task-code|deviation-direct-contact&focus=Communication/" + id))
                .isEqualTo(1);

        assertRefused(fhir.post("Communication", notice("cannot-fulfil", contract, executor, ward,
                Communication.CommunicationPriority.ROUTINE, agreement)), "Communication.priority", "R-TK-3");
        assertThat(fhir.post("Communication", notice("cannot-fulfil", contract, executor, ward,
                Communication.CommunicationPriority.STAT, agreement)).status()).isEqualTo(201);
    }

    private static Communication notice(String category, String contract, String sender, String recipient,
                                        Communication.CommunicationPriority priority, Contract agreement) {
        Communication c = new Communication().setStatus(Communication.CommunicationStatus.COMPLETED)
                .setSubject(agreement.getSubjectFirstRep().copy()).setSender(new Reference(sender)).setPriority(priority);
        c.addCategory(new CodeableConcept(new Coding("http://vardbrygga.example/fhir/CodeSystem/communication-category", category, null)));
        c.addRecipient(new Reference(recipient));
        c.addAbout(new Reference("Contract/" + contract));
        c.addPayload().setContent(new org.hl7.fhir.r4.model.StringType("Fallrisk uppmärksammad"));
        return c;
    }
}
