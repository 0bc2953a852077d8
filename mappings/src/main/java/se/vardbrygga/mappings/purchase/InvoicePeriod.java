package se.vardbrygga.mappings.purchase;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

/**
 * The period an invoice covers, as the region's cadence sets it (R-TK-4): a calendar month, or a calendar quarter
 * (Jämtland Härjedalen), invoiced in arrears once it has ended. Days are Swedish calendar days.
 */
public record InvoicePeriod(LocalDate start, LocalDate endExclusive, String label) {
    public static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    /** @throws Pricing.Refused when {@code start} does not begin a period of the cadence, or the period has not ended */
    public static InvoicePeriod of(RegionRuleSet rules, LocalDate start, LocalDate today) {
        RegionRuleSet.Invoicing invoicing = rules.invoicing();
        if (invoicing.periodMonths() <= 0 || !rules.compensation().pays()) {
            throw new Pricing.Refused(rules.name() + ": " + rules.compensation().rateSource() + "; nothing is invoiced", invoicing.rule());
        }
        boolean quarterly = invoicing.periodMonths() == 3;
        if (start.getDayOfMonth() != 1 || (quarterly && (start.getMonthValue() - 1) % 3 != 0)) {
            throw new Pricing.Refused(rules.name() + " invoices " + invoicing.cadence() + ": periodStart is the first day of "
                    + (quarterly ? "a calendar quarter (01-01, 04-01, 07-01, 10-01)" : "a month"), invoicing.rule());
        }
        LocalDate end = start.plusMonths(invoicing.periodMonths());
        if (end.isAfter(today)) {
            throw new Pricing.Refused(rules.name() + " invoices in arrears: the period from " + start + " ends " + end
                    + ", after today", invoicing.rule());
        }
        String label = quarterly ? start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1)
                : start.toString().substring(0, 7);
        return new InvoicePeriod(start, end, label);
    }

    public boolean contains(Date instant) {
        LocalDate day = instant.toInstant().atZone(SWEDEN).toLocalDate();
        return !day.isBefore(start) && day.isBefore(endExclusive);
    }

    /** The last day of the period, inclusive. */
    public LocalDate end() {
        return endExclusive.minusDays(1);
    }
}
