package se.vardbrygga.mappings.purchase;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.ChargeItem;
import org.hl7.fhir.r4.model.Invoice;

/**
 * The invoice's specification for the finance department as CSV (RFC 4180, ';' between fields, '.' before
 * decimals, UTF-8): one row per line with patient, agreement, requesting unit, worked interval in Swedish time,
 * billable quantity, share and amount — the per-patient specification (Jämtland Härjedalen) and the individual
 * appendix (Gävleborg) of R-TK-4. It is the invoice basis the executor keeps (at most 1 year in Jämtland).
 */
public final class Specification {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Europe/Stockholm"));
    static final String HEADER = "invoice;line;patient;agreement;requesting_unit;executor;start;end;quantity;unit;share;amount_sek";

    private Specification() {
    }

    /**
     * @param items     the invoice's ChargeItems by {@code ChargeItem/id}
     * @param labels    display labels by reference: the patient's personnummer, the agreement's id, the units' HSA-ids
     */
    public static String csv(Invoice invoice, Map<String, ChargeItem> items, Map<String, String> labels) {
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        String invoiceId = invoice.getIdentifierFirstRep().getValue();
        for (Invoice.InvoiceLineItemComponent line : invoice.getLineItem()) {
            ChargeItem item = items.get(line.getChargeItemReference().getReference());
            if (item == null) {
                continue;
            }
            List<String> fields = List.of(invoiceId, String.valueOf(line.getSequence()),
                    label(labels, item.getSubject().getReference()),
                    label(labels, item.getSupportingInformationFirstRep().getReference()),
                    label(labels, item.getRequestingOrganization().getReference()),
                    label(labels, item.getPerformingOrganization().getReference()),
                    local(item.getOccurrencePeriod().getStart()), local(item.getOccurrencePeriod().getEnd()),
                    item.getQuantity().getValue().toPlainString(), item.getQuantity().getUnit(),
                    item.hasFactorOverride() ? item.getFactorOverride().toPlainString() : "1",
                    line.getPriceComponentFirstRep().getAmount().getValue().toPlainString());
            out.append(String.join(";", fields.stream().map(Specification::quoted).toList())).append("\r\n");
        }
        return out.toString();
    }

    private static String label(Map<String, String> labels, String reference) {
        return labels.getOrDefault(reference, reference == null ? "" : reference);
    }

    private static String local(Date date) {
        return LOCAL.format(date.toInstant());
    }

    private static String quoted(String field) {
        return field.contains(";") || field.contains("\"") || field.contains("\n")
                ? "\"" + field.replace("\"", "\"\"") + "\"" : field;
    }
}
