package se.vardbrygga.mappings.purchase;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One region's service-purchase rules as data ({@code regions/<region>.json}): the compensation model, the
 * rate per year with its source, what the hours include, invoicing and reporting. Values the agreement states
 * carry their rule id; values taken from outside (Försäkringskassan's amount, VPI, the wage raise) are entries per
 * year that an operator maintains.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RegionRuleSet(String region, String name, String agreement, Compensation compensation,
                            List<String> hoursInclude, Map<String, Rate> ratesByYear, Invoicing invoicing) {

    /** {@code model}: per-hour, per-started-hour or none; {@code share} of the priced time the region pays. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Compensation(String model, String rule, String rateSource, String rounding, BigDecimal share,
                               String shareAppliesTo) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Rate(BigDecimal sek, String rule, String source) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Invoicing(String cadence, int dueDays, String dueFrom, List<String> marks, String rule) {
    }
}
