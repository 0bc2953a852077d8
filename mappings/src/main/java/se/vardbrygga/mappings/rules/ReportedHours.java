package se.vardbrygga.mappings.rules;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.ChargeItem;
import org.hl7.fhir.r4.model.ChargeItem.ChargeItemStatus;
import org.hl7.fhir.r4.model.Contract;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import se.vardbrygga.mappings.Codes;
import se.vardbrygga.mappings.purchase.Agreement;
import se.vardbrygga.mappings.purchase.Pricing;
import se.vardbrygga.mappings.purchase.RegionRuleSet;
import se.vardbrygga.mappings.purchase.RegionRuleSets;
import se.vardbrygga.profiles.Canonical;

/**
 * Hours reported against a service-purchase agreement (ChargeItem, code reported-hours), priced by the region's
 * rule set when written (R-TK-4): an interval that ends after it starts, inside the agreement's period and for its
 * patient (R-TK-3), not overlapping hours already reported against the agreement, and a rate for its year. Hours
 * of an agreement that is not signed are kept but not billable (R-CMP-5). Invoiced hours are not changed.
 * The server sets quantity, factorOverride, priceOverride, overrideReason and status; what a client sends there
 * is replaced.
 */
final class ReportedHours {
    /** Local time of the agreements: rates are per calendar year and started hours are counted in Swedish time. */
    static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    private static final String UCUM = "http://unitsofmeasure.org";

    private final RegionRuleSets regions;

    ReportedHours(RegionRuleSets regions) {
        this.regions = regions;
    }

    static boolean isReportedHours(ChargeItem item) {
        return Codes.hasCoding(item.getCode(), Canonical.SERVICE_PURCHASE, "reported-hours");
    }

    /** What the rules decide for the reported hours: their price, or why they cannot be taken. */
    private record Assessment(List<RuleViolation> violations, Optional<Priced> priced) {
    }

    private record Priced(Quantity quantity, BigDecimal share, se.vardbrygga.mappings.purchase.Money price,
                          boolean billable, String reason) {
    }

    /** Sets the price, status and reason (R-TK-4, R-CMP-5); leaves the item as sent when it cannot be priced. */
    void amend(ChargeItem item, Facts facts) {
        if (item.getStatus() == ChargeItemStatus.ENTEREDINERROR) {
            return;
        }
        agreementOf(item, facts).map(Agreement::new).ifPresent(agreement -> { // the parties and patient of the agreement
            if (!item.getSubject().hasReference()) {
                item.setSubject(new Reference(agreement.patient()));
            }
            if (!item.getRequestingOrganization().hasReference()) {
                agreement.purchaser().ifPresent(p -> item.setRequestingOrganization(p.copy()));
            }
            if (!item.getPerformingOrganization().hasReference()) {
                agreement.executor().ifPresent(e -> item.setPerformingOrganization(e.copy()));
            }
        });
        assess(item, Optional.empty(), facts).priced().ifPresent(p -> {
            item.setQuantity(p.quantity())
                    .setFactorOverride(p.share())
                    .setPriceOverride(new Money().setValue(p.price().toSek()).setCurrency("SEK"))
                    .setOverrideReason(p.reason())
                    .setStatus(p.billable() ? ChargeItemStatus.BILLABLE : ChargeItemStatus.NOTBILLABLE);
        });
    }

    void check(ChargeItem item, Optional<Resource> before, Facts facts, List<RuleViolation> out) {
        if (before.map(b -> ((ChargeItem) b).getStatus() == ChargeItemStatus.BILLED).orElse(false)) {
            out.add(new RuleViolation("R-TK-4", "ChargeItem.status", "These hours are invoiced; they are not changed "
                    + "(a repayment or a new report corrects them) (R-TK-4)"));
            return;
        }
        if (item.getStatus() == ChargeItemStatus.ENTEREDINERROR) {
            return;
        }
        out.addAll(assess(item, before, facts).violations());
    }

    private Assessment assess(ChargeItem item, Optional<Resource> before, Facts facts) {
        List<RuleViolation> out = new ArrayList<>();
        Optional<Contract> contract = agreementOf(item, facts);
        if (contract.isEmpty()) {
            out.add(new RuleViolation("R-TK-3", "ChargeItem.supportingInformation",
                    "Reported hours name the stored service-purchase agreement (Contract) they are worked under (R-TK-3)"));
            return new Assessment(out, Optional.empty());
        }
        Agreement agreement = new Agreement(contract.get());
        Period worked = item.hasOccurrencePeriod() ? item.getOccurrencePeriod() : new Period();
        if (!worked.hasStart() || !worked.hasEnd() || !worked.getEnd().after(worked.getStart())) {
            out.add(new RuleViolation("R-TK-4", "ChargeItem.occurrencePeriod",
                    "Reported hours are an interval with a start and a later end; negative or empty intervals are not hours (R-TK-4)"));
            return new Assessment(out, Optional.empty());
        }
        Period applies = contract.get().getApplies();
        if ((applies.hasStart() && worked.getStart().before(applies.getStart()))
                || (applies.hasEnd() && worked.getEnd().after(applies.getEnd()))) {
            out.add(new RuleViolation("R-TK-3", "ChargeItem.occurrencePeriod",
                    "The reported hours lie outside the agreement's period (Contract.applies) (R-TK-3)"));
        }
        if (!agreement.patient().equals(item.getSubject().getReference())) {
            out.add(new RuleViolation("R-TK-3", "ChargeItem.subject", "Reported hours are for the agreement's patient (R-TK-3)"));
        }
        String executor = agreement.executor().map(Reference::getReference).orElse("");
        if (!executor.equals(item.getPerformingOrganization().getReference())) {
            out.add(new RuleViolation("R-TK-3", "ChargeItem.performingOrganization",
                    "Hours are reported by the agreement's executor (" + executor + ") (R-TK-3)"));
        }
        overlapping(item, agreement, worked, facts).ifPresent(other -> out.add(new RuleViolation("R-TK-4",
                "ChargeItem.occurrencePeriod", "The reported hours overlap hours already reported against the "
                + "agreement (" + other + "); the same time is not paid twice (R-TK-4)")));
        Optional<RegionRuleSet> rules = agreement.region().flatMap(regions::of);
        if (rules.isEmpty()) {
            out.add(new RuleViolation("R-TK-4", "ChargeItem.supportingInformation",
                    "The agreement names no region whose rule set the adapter has (R-TK-4)"));
            return new Assessment(out, Optional.empty());
        }
        Pricing.Worked interval = new Pricing.Worked(local(worked.getStart()), local(worked.getEnd()));
        try {
            se.vardbrygga.mappings.purchase.Money price = Pricing.price(rules.get(), interval,
                    agreement.specialistTreatmentResponsibility());
            boolean signed = agreement.signed();
            return new Assessment(out, out.isEmpty() ? Optional.of(new Priced(quantity(rules.get(), interval),
                    rules.get().compensation().share(), price, signed, reason(rules.get(), interval, signed))) : Optional.empty());
        } catch (Pricing.Refused refused) {
            out.add(new RuleViolation(refused.ruleId(), "ChargeItem.occurrencePeriod", refused.getMessage()));
            return new Assessment(out, Optional.empty());
        }
    }

    private static Optional<Contract> agreementOf(ChargeItem item, Facts facts) {
        return AgreementRules.referenced(item.getSupportingInformation(), facts);
    }

    private static Optional<String> overlapping(ChargeItem item, Agreement agreement, Period worked, Facts facts) {
        String self = item.getIdElement().getIdPart();
        return facts.search("ChargeItem", "agreement=" + agreement.reference()).stream()
                .map(ChargeItem.class::cast)
                .filter(other -> !other.getIdElement().getIdPart().equals(self))
                .filter(other -> other.getStatus() != ChargeItemStatus.ENTEREDINERROR && other.hasOccurrencePeriod())
                .filter(other -> other.getOccurrencePeriod().getStart().before(worked.getEnd())
                        && worked.getStart().before(other.getOccurrencePeriod().getEnd()))
                .map(other -> "ChargeItem/" + other.getIdElement().getIdPart())
                .findFirst();
    }

    private static LocalDateTime local(Date date) {
        return LocalDateTime.ofInstant(date.toInstant(), SWEDEN);
    }

    /** Started hours where the region counts them (h), otherwise exact minutes (min). */
    private static Quantity quantity(RegionRuleSet rules, Pricing.Worked worked) {
        boolean started = "started-hour".equals(rules.compensation().rounding());
        long value = started ? Pricing.startedHours(worked.minutes()) : worked.minutes();
        String unit = started ? "h" : "min";
        return new Quantity().setValue(value).setUnit(unit).setSystem(UCUM).setCode(unit);
    }

    private static String reason(RegionRuleSet rules, Pricing.Worked worked, boolean signed) {
        RegionRuleSet.Rate rate = rules.ratesByYear().get(String.valueOf(worked.start().getYear()));
        String priced = rules.name() + " " + worked.start().getYear() + ": " + rate.sek().toPlainString() + " SEK/h ("
                + rate.source() + ")" + ("started-hour".equals(rules.compensation().rounding()) ? " per started hour" : " per minute")
                + (rules.compensation().share().compareTo(BigDecimal.ONE) == 0 ? "" : " × share " + rules.compensation().share().toPlainString())
                + " (R-TK-4)";
        return signed ? priced : "Not billable: the agreement is not signed by both parties (R-CMP-5). " + priced;
    }
}
