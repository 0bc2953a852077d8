package se.vardbrygga.mappings.purchase;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One region's service-purchase rules as data ({@code regions/<region>.json}): the compensation model, the
 * rate per year with its source, what the hours include, invoicing and reporting, and how the agreement ends.
 * Values the agreement states carry their rule id; values taken from outside (Försäkringskassan's amount, VPI,
 * the wage raise) are entries per year that an operator maintains.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RegionRuleSet(String region, String name, String agreement, Compensation compensation,
                            List<String> hoursInclude, Map<String, Rate> ratesByYear, Invoicing invoicing,
                            Flag agreementEndsAtDischarge, Flag repaymentWhenAssistanceGranted) {

    /** {@code model}: per-hour, per-started-hour or none; {@code share} of the priced time the region pays. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Compensation(String model, String rule, String rateSource, String rounding, BigDecimal share,
                               String shareAppliesTo) {
        public boolean pays() {
            return !"none".equals(model);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Rate(BigDecimal sek, String rule, String source) {
    }

    /**
     * How invoices are made (R-TK-4): months per invoicing period (1 monthly, 3 quarterly, 0 none), one invoice
     * per agreement or per requesting unit, the due term (null: the agreement states none), the marks every invoice
     * carries, and whether the agreement must name its own mark (Västmanland's responsibility number).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Invoicing(String cadence, int periodMonths, String groupBy, Integer dueDays, String dueFrom,
                            Integer arriveByDayOfMonth, List<String> marks, String agreementMark,
                            boolean agreementMarkRequired, String lateInterest, String rule) {
        public boolean perRequestingUnit() {
            return "requesting-unit".equals(groupBy);
        }
    }

    /** A yes/no of the agreement with the rule that says it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Flag(boolean value, String rule) {
    }

    /** This rule set with one more rate entry (what an operator adds each year). */
    public RegionRuleSet withRate(int year, BigDecimal sek, String source) {
        Map<String, Rate> rates = new LinkedHashMap<>(ratesByYear);
        rates.put(String.valueOf(year), new Rate(sek, compensation.rule(), source));
        return new RegionRuleSet(region, name, agreement, compensation, hoursInclude, rates, invoicing,
                agreementEndsAtDischarge, repaymentWhenAssistanceGranted);
    }
}
