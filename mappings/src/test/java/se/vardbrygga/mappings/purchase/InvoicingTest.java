package se.vardbrygga.mappings.purchase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.ChargeItem;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Contract;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Invoice;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import se.vardbrygga.mappings.Codes;
import se.vardbrygga.profiles.Canonical;

/** Each region's invoicing cadence, grouping, due date and marks, with hand-computed totals (R-TK-4, R-PA-4). */
class InvoicingTest {
    private final RegionRuleSets regions = new RegionRuleSets();

    private RegionRuleSet region(String id) {
        return regions.of(id).orElseThrow();
    }

    private static Agreement agreement(String id, String patient, String... marks) {
        Contract c = new Contract().setStatus(Contract.ContractStatus.EXECUTED);
        c.setId(id);
        c.addSubject(new Reference(patient));
        c.getApplies().setStartElement(new DateTimeType("2023-01-01T00:00:00+01:00"));
        Contract.TermComponent t = c.addTerm();
        t.getOffer().addParty().addReference(new Reference("Organization/ward")).setRole(new org.hl7.fhir.r4.model.CodeableConcept(Codes.servicePurchase("purchaser")));
        t.getOffer().addParty().addReference(new Reference("Organization/exec")).setRole(new org.hl7.fhir.r4.model.CodeableConcept(Codes.servicePurchase("executor")));
        for (String m : marks) {
            c.addExtension(Codes.INVOICE_MARK, new StringType(m));
        }
        return new Agreement(c);
    }

    private static ChargeItem item(String id, String agreement, String patient, String unit, String start, String end, String sek) {
        ChargeItem i = new ChargeItem().setStatus(ChargeItem.ChargeItemStatus.BILLABLE)
                .setSubject(new Reference(patient))
                .setRequestingOrganization(new Reference(unit))
                .setPerformingOrganization(new Reference("Organization/exec"))
                .setOccurrence(new Period().setStartElement(new DateTimeType(start)).setEndElement(new DateTimeType(end)))
                .setFactorOverride(BigDecimal.ONE)
                .setPriceOverride(new Money().setValue(new BigDecimal(sek)).setCurrency("SEK"));
        i.addSupportingInformation(new Reference("Contract/" + agreement));
        i.setId(id);
        return i;
    }

    private static String extension(Invoice invoice, String url) {
        Extension e = invoice.getExtensionByUrl(url);
        return e == null ? null : e.getValue().primitiveValue();
    }

    @Test
    void varmlandInvoicesEachAgreementMonthlyInArrearsPaidFromArrival_R_TK_4() {
        RegionRuleSet varmland = region("varmland");
        LocalDate today = LocalDate.parse("2026-11-25");
        InvoicePeriod october = InvoicePeriod.of(varmland, LocalDate.parse("2026-10-01"), today);
        List<ChargeItem> items = List.of(
                item("c1", "k1", "Patient/a", "Organization/ward", "2026-10-02T08:00:00+02:00", "2026-10-02T12:00:00+02:00", "1382.80"),
                item("c2", "k2", "Patient/b", "Organization/ward", "2026-10-03T08:00:00+02:00", "2026-10-03T09:15:00+02:00", "432.13"),
                item("c3", "k1", "Patient/a", "Organization/ward", "2026-10-31T22:00:00+01:00", "2026-11-01T06:00:00+01:00", "2765.60"),
                item("c4", "k1", "Patient/a", "Organization/ward", "2026-11-01T08:00:00+01:00", "2026-11-01T09:00:00+01:00", "345.70"));

        List<Invoicing.Draft> drafts = Invoicing.draft(varmland, october, items,
                Map.of("Contract/k1", agreement("k1", "Patient/a"), "Contract/k2", agreement("k2", "Patient/b")), today);

        assertThat(drafts).extracting(Invoicing.Draft::key).containsExactly("varmland-2026-10-k1-exec", "varmland-2026-10-k2-exec");
        Invoice first = drafts.get(0).invoice();
        assertThat(drafts.get(0).items()).extracting(i -> i.getIdElement().getIdPart()).containsExactly("c1", "c3"); // by start, in Swedish time
        assertThat(first.getTotalNet().getValue()).isEqualByComparingTo("4148.40"); // 1382.80 + 2765.60
        assertThat(first.getSubject().getReference()).isEqualTo("Patient/a");
        assertThat(first.getRecipient().getReference()).isEqualTo("Organization/ward");
        assertThat(first.getIssuer().getReference()).isEqualTo("Organization/exec");
        assertThat(extension(first, Codes.DUE_DATE)).isNull(); // 30 days from arrival: the arrival is not known here
        assertThat(first.getPaymentTerms()).contains("30 days of the invoice's arrival");
        assertThatThrownBy(() -> InvoicePeriod.of(varmland, LocalDate.parse("2026-11-01"), today))
                .isInstanceOf(Pricing.Refused.class).hasMessageContaining("in arrears");
        assertThatThrownBy(() -> InvoicePeriod.of(varmland, LocalDate.parse("2026-10-05"), today))
                .isInstanceOf(Pricing.Refused.class).hasMessageContaining("first day");
    }

    @Test
    void jamtlandInvoicesQuarterlyPerUnitWithLinesPerPatientDueIn30Days_R_TK_4() {
        RegionRuleSet jamtland = region("jamtland-harjedalen");
        LocalDate today = LocalDate.parse("2017-10-05");
        InvoicePeriod q3 = InvoicePeriod.of(jamtland, LocalDate.parse("2017-07-01"), today);
        List<ChargeItem> items = List.of(
                item("c1", "k2", "Patient/b", "Organization/hc-1", "2017-08-02T08:00:00+02:00", "2017-08-02T10:05:00+02:00", "1530.00"),
                item("c2", "k1", "Patient/a", "Organization/hc-1", "2017-09-30T08:00:00+02:00", "2017-09-30T09:00:00+02:00", "510.00"),
                item("c3", "k3", "Patient/c", "Organization/hc-2", "2017-07-01T00:30:00+02:00", "2017-07-01T01:00:00+02:00", "510.00"),
                item("c4", "k1", "Patient/a", "Organization/hc-1", "2017-10-01T08:00:00+02:00", "2017-10-01T09:00:00+02:00", "510.00"));

        List<Invoicing.Draft> drafts = Invoicing.draft(jamtland, q3, items, Map.of(), today);

        assertThat(q3.label()).isEqualTo("2017-Q3");
        assertThat(drafts).extracting(Invoicing.Draft::key)
                .containsExactlyInAnyOrder("jamtland-harjedalen-2017-Q3-hc-1-exec", "jamtland-harjedalen-2017-Q3-hc-2-exec");
        Invoice hc1 = drafts.stream().filter(d -> d.key().contains("hc-1")).findFirst().orElseThrow().invoice();
        assertThat(hc1.hasSubject()).isFalse(); // several patients: the specification names them
        assertThat(hc1.getLineItem()).extracting(l -> l.getChargeItemReference().getReference())
                .containsExactly("ChargeItem/c2", "ChargeItem/c1"); // per patient
        assertThat(hc1.getTotalNet().getValue()).isEqualByComparingTo("2040.00");
        assertThat(extension(hc1, Codes.DUE_DATE)).isEqualTo("2017-11-04"); // 30 days from the invoice date
        assertThat(hc1.getPaymentTerms()).contains("statutory late interest");
        assertThatThrownBy(() -> InvoicePeriod.of(jamtland, LocalDate.parse("2017-08-01"), today))
                .isInstanceOf(Pricing.Refused.class).hasMessageContaining("quarter");
    }

    @Test
    void gavleborgInvoiceCarriesKst80904AndArrivesByThe25th_R_TK_4() {
        RegionRuleSet gavleborg = region("gavleborg");
        LocalDate today = LocalDate.parse("2026-11-10");
        List<Invoicing.Draft> drafts = Invoicing.draft(gavleborg, InvoicePeriod.of(gavleborg, LocalDate.parse("2026-10-01"), today),
                List.of(item("c1", "k1", "Patient/a", "Organization/ward", "2026-10-02T08:00:00+02:00", "2026-10-02T12:00:00+02:00", "691.40")),
                Map.of(), today);

        Invoice invoice = drafts.get(0).invoice();
        assertThat(invoice.getExtensionsByUrl(Codes.INVOICE_MARK)).extracting(e -> e.getValue().primitiveValue()).containsExactly("KST 80904");
        assertThat(invoice.getPaymentTerms()).contains("25th").contains("no payment term");
        assertThat(((Coding) invoice.getExtensionByUrl(Codes.REGION_EXTENSION).getValue()).getCode()).isEqualTo("gavleborg");
        Period period = (Period) invoice.getExtensionByUrl(Codes.INVOICE_PERIOD).getValue();
        assertThat(period.getStartElement().getValueAsString()).isEqualTo("2026-10-01");
        assertThat(period.getEndElement().getValueAsString()).isEqualTo("2026-10-31");
    }

    @Test
    void vastmanlandInvoiceCarriesTheResponsibilityNumberOfTheAgreement_R_TK_4() {
        RegionRuleSet vastmanland = region("vastmanland");
        LocalDate today = LocalDate.parse("2023-04-03");
        List<Invoicing.Draft> drafts = Invoicing.draft(vastmanland, InvoicePeriod.of(vastmanland, LocalDate.parse("2023-03-01"), today),
                List.of(item("c1", "k1", "Patient/a", "Organization/ward", "2023-03-10T22:00:00+01:00", "2023-03-11T06:30:00+01:00", "2465.00"),
                        item("c2", "k1", "Patient/a", "Organization/ward", "2023-03-11T08:00:00+01:00", "2023-03-11T16:30:00+01:00", "2465.00")),
                Map.of("Contract/k1", agreement("k1", "Patient/a", "ansvarsnummer 4711")), today);

        Invoice invoice = drafts.get(0).invoice();
        assertThat(invoice.getExtensionsByUrl(Codes.INVOICE_MARK)).extracting(e -> e.getValue().primitiveValue())
                .containsExactly("ansvarsnummer 4711");
        assertThat(invoice.getTotalNet().getValue()).isEqualByComparingTo("4930.00"); // night and day the same
        assertThat(invoice.getExtensionByUrl(Codes.DUE_DATE)).isNull(); // the agreement states no payment term
    }

    @Test
    void vasterbottenInvoicesNothing_R_TK_4() {
        assertThatThrownBy(() -> InvoicePeriod.of(region("vasterbotten"), LocalDate.parse("2026-10-01"), LocalDate.parse("2026-11-25")))
                .isInstanceOf(Pricing.Refused.class);
    }

    @Test
    void repaymentNegatesTheInvoicedHours_R_PA_4() {
        ChargeItem billed = item("c1", "k1", "Patient/a", "Organization/ward", "2026-10-02T08:00:00+02:00", "2026-10-02T12:00:00+02:00", "1382.80")
                .setStatus(ChargeItem.ChargeItemStatus.BILLED);
        Invoicing.Draft repayment = Invoicing.repayment(region("varmland"), agreement("k1", "Patient/a"), List.of(billed), LocalDate.parse("2026-11-25"));

        assertThat(repayment.invoice().getTotalNet().getValue()).isEqualByComparingTo("-1382.80");
        assertThat(repayment.invoice().getType().getCodingFirstRep().getCode()).isEqualTo("repayment");
        assertThat(repayment.invoice().getRecipient().getReference()).isEqualTo("Organization/ward");
        assertThat(repayment.key()).isEqualTo("varmland-repayment-k1");
    }

    @Test
    void specificationHasOneRowPerLineWithTheLabels_R_TK_4() {
        RegionRuleSet jamtland = region("jamtland-harjedalen");
        ChargeItem c1 = item("c1", "k1", "Patient/a", "Organization/hc-1", "2017-08-02T08:00:00+02:00", "2017-08-02T10:05:00+02:00", "1530.00");
        c1.setQuantity(new org.hl7.fhir.r4.model.Quantity().setValue(3).setUnit("h"));
        Invoicing.Draft draft = Invoicing.draft(jamtland, InvoicePeriod.of(jamtland, LocalDate.parse("2017-07-01"), LocalDate.parse("2017-10-05")),
                List.of(c1), Map.of(), LocalDate.parse("2017-10-05")).get(0);
        draft.invoice().addIdentifier(Invoicing.identifier(draft.key()));

        String csv = Specification.csv(draft.invoice(), Map.of("ChargeItem/c1", c1),
                Map.of("Patient/a", "191212121212", "Contract/k1", "TK-1", "Organization/hc-1", "SE2321009959-VB1401"));

        assertThat(csv.split("\r\n")).containsExactly(Specification.HEADER,
                "jamtland-harjedalen-2017-Q3-hc-1-exec;1;191212121212;TK-1;SE2321009959-VB1401;Organization/exec;2017-08-02 08:00;2017-08-02 10:05;3;h;1;1530.00");
    }
}
