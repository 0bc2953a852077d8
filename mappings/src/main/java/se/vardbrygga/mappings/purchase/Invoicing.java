package se.vardbrygga.mappings.purchase;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.ChargeItem;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Invoice;
import org.hl7.fhir.r4.model.Invoice.InvoicePriceComponentType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import se.vardbrygga.mappings.Codes;
import se.vardbrygga.profiles.Canonical;

/**
 * Invoices of a region's service purchases for one period, as its cadence says (R-TK-4): one invoice per agreement
 * (Värmland monthly in arrears; Västmanland monthly, the patient's stay) or one per requesting unit with its lines
 * per patient (Jämtland Härjedalen quarterly; Gävleborg monthly with the individual appendix), from the executor to
 * the purchasing unit, with the due date and the marks the region requires. Pure: the caller reads the billable
 * hours and stores the invoices; lines are the already priced ChargeItems, so the total is their exact sum.
 */
public final class Invoicing {

    /** An invoice to store, the key that makes it once per group and period, and the hours it bills. */
    public record Draft(Invoice invoice, String key, List<ChargeItem> items) {
    }

    private Invoicing() {
    }

    /**
     * @param items      billable reported hours of the region (any period; those starting in {@code period} are taken)
     * @param agreements the agreements the items name, by {@code Contract/id}
     */
    public static List<Draft> draft(RegionRuleSet rules, InvoicePeriod period, List<ChargeItem> items,
                                    Map<String, Agreement> agreements, LocalDate today) {
        Map<String, List<ChargeItem>> groups = new LinkedHashMap<>();
        items.stream()
                .filter(i -> i.hasOccurrencePeriod() && period.contains(i.getOccurrencePeriod().getStart()))
                .sorted(Comparator.comparing((ChargeItem i) -> i.getSubject().getReference())
                        .thenComparing(i -> i.getOccurrencePeriod().getStart()))
                .forEach(i -> groups.computeIfAbsent(groupKey(rules, i), k -> new ArrayList<>()).add(i));
        List<Draft> drafts = new ArrayList<>();
        groups.forEach((group, lines) -> drafts.add(new Draft(invoice(rules, period, lines, agreements, today),
                rules.region() + "-" + period.label() + "-" + group, lines)));
        return drafts;
    }

    private static String groupKey(RegionRuleSet rules, ChargeItem item) {
        String executor = idPart(item.getPerformingOrganization());
        String buyer = rules.invoicing().perRequestingUnit() ? idPart(item.getRequestingOrganization())
                : idPart(item.getSupportingInformationFirstRep());
        return buyer + "-" + executor;
    }

    private static String idPart(Reference reference) {
        String r = reference.getReference() == null ? "none" : reference.getReference();
        return r.substring(r.lastIndexOf('/') + 1);
    }

    private static Invoice invoice(RegionRuleSet rules, InvoicePeriod period, List<ChargeItem> lines,
                                   Map<String, Agreement> agreements, LocalDate today) {
        ChargeItem first = lines.get(0);
        Invoice invoice = issued(rules, "invoice", first.getRequestingOrganization(), first.getPerformingOrganization(), today,
                new Period().setStartElement(new org.hl7.fhir.r4.model.DateTimeType(period.start().toString()))
                        .setEndElement(new org.hl7.fhir.r4.model.DateTimeType(period.end().toString())));
        Set<String> marks = new LinkedHashSet<>(rules.invoicing().marks());
        lines.forEach(l -> {
            Agreement a = agreements.get(l.getSupportingInformationFirstRep().getReference());
            if (a != null) {
                marks.addAll(a.invoiceMarks());
            }
        });
        marks.forEach(m -> invoice.addExtension(Codes.INVOICE_MARK, new StringType(m)));
        Integer dueDays = rules.invoicing().dueDays();
        if (dueDays != null && "invoice".equals(rules.invoicing().dueFrom())) {
            invoice.addExtension(Codes.DUE_DATE, new DateType(today.plusDays(dueDays).toString()));
        }
        if (!rules.invoicing().perRequestingUnit()) {
            invoice.setSubject(first.getSubject().copy());
        }
        bill(invoice, lines, false);
        invoice.setPaymentTerms(paymentTerms(rules, today));
        return invoice;
    }

    /** An issued invoice ({@code type}: invoice or repayment) from the executor to the purchaser, with region and period. */
    private static Invoice issued(RegionRuleSet rules, String type, Reference recipient, Reference issuer, LocalDate today,
                                  Period period) {
        Invoice invoice = new Invoice()
                .setStatus(Invoice.InvoiceStatus.ISSUED)
                .setType(new CodeableConcept(Codes.servicePurchase(type)))
                .setRecipient(recipient.copy())
                .setIssuer(issuer.copy())
                .setDate(Date.from(today.atStartOfDay(InvoicePeriod.SWEDEN).toInstant()));
        invoice.addExtension(Codes.REGION_EXTENSION, new Coding(Canonical.REGION, rules.region(), rules.name()));
        invoice.addExtension(Codes.INVOICE_PERIOD, period);
        return invoice;
    }

    /**
     * One line per ChargeItem with its priced amount (a repayment: negated, as a deduction) and the exact totals.
     */
    private static void bill(Invoice invoice, List<ChargeItem> lines, boolean repayment) {
        Money total = Money.ZERO;
        for (ChargeItem line : lines) {
            Money priced = Money.sek(line.getPriceOverride().getValue());
            Money amount = repayment ? priced.negate() : priced;
            total = total.plus(amount);
            Invoice.InvoiceLineItemPriceComponentComponent component = invoice.addLineItem()
                    .setSequence(invoice.getLineItem().size())
                    .setChargeItem(new Reference("ChargeItem/" + line.getIdElement().getIdPart()))
                    .addPriceComponent()
                    .setType(repayment ? InvoicePriceComponentType.DEDUCTION : InvoicePriceComponentType.BASE)
                    .setAmount(sek(amount));
            if (!repayment) {
                component.setFactor(line.getFactorOverride());
            }
        }
        invoice.setTotalNet(sek(total)).setTotalGross(sek(total));
    }

    static org.hl7.fhir.r4.model.Money sek(Money amount) {
        return new org.hl7.fhir.r4.model.Money().setValue(amount.toSek()).setCurrency("SEK");
    }

    /** The payment terms as the agreement states them, with the due date where it follows from the invoice date. */
    static String paymentTerms(RegionRuleSet rules, LocalDate today) {
        RegionRuleSet.Invoicing i = rules.invoicing();
        StringBuilder terms = new StringBuilder(rules.name()).append(" (agreement ").append(rules.agreement()).append("): ");
        if (i.dueDays() == null) {
            terms.append("the agreement states no payment term");
        } else if ("arrival".equals(i.dueFrom())) {
            terms.append("payment within ").append(i.dueDays()).append(" days of the invoice's arrival");
        } else {
            terms.append("payment within ").append(i.dueDays()).append(" days of the invoice date, due ")
                    .append(today.plusDays(i.dueDays()));
        }
        if (i.lateInterest() != null) {
            terms.append("; ").append(i.lateInterest()).append(" late interest from the due date");
        }
        if (i.arriveByDayOfMonth() != null) {
            terms.append("; the invoice is to arrive by the ").append(i.arriveByDayOfMonth()).append("th of the month");
        }
        if (rules.invoicing().marks().size() + (i.agreementMarkRequired() ? 1 : 0) > 0) {
            terms.append("; marked ").append(String.join(", ", i.marks()))
                    .append(i.agreementMarkRequired() ? (i.marks().isEmpty() ? "" : ", ") + "with " + i.agreementMark() : "");
        }
        return terms.append(" (").append(i.rule()).append(")").toString();
    }

    /**
     * R-PA-4: assistance compensation granted afterwards for the stay: the executor repays what the region paid for
     * the agreement's invoiced hours, one line per invoiced ChargeItem with its amount negated.
     */
    public static Draft repayment(RegionRuleSet rules, Agreement agreement, List<ChargeItem> invoiced, LocalDate today) {
        Period applies = agreement.contract().getApplies();
        Invoice invoice = issued(rules, "repayment", agreement.purchaser().orElseThrow(), agreement.executor().orElseThrow(), today,
                new Period().setStartElement(applies.getStartElement().copy())
                        .setEndElement(applies.hasEnd() ? applies.getEndElement().copy() : new org.hl7.fhir.r4.model.DateTimeType(today.toString())));
        invoice.setSubject(new Reference(agreement.patient()));
        agreement.invoiceMarks().forEach(m -> invoice.addExtension(Codes.INVOICE_MARK, new StringType(m)));
        bill(invoice, invoiced, true);
        invoice.setPaymentTerms("Repayment: assistance compensation was granted afterwards for the stay, so the region "
                + "is repaid what it paid for the service purchase (R-PA-4)");
        return new Draft(invoice, rules.region() + "-repayment-" + agreement.contract().getIdElement().getIdPart(), invoiced);
    }

    public static Identifier identifier(String value) {
        return new Identifier().setSystem(Codes.INVOICE_ID).setValue(value);
    }
}
