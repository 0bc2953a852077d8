package se.vardbrygga.mappings.purchase;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDateTime;

/**
 * The price of reported hours under a region's rule set (R-TK-4): minutes × rate / 60 (Värmland, Västmanland,
 * Gävleborg), or started hours × rate (Jämtland Härjedalen), times the region's share (50 % in Gävleborg, and only
 * for the target group where specialist care holds treatment responsibility). The same rate at any time of day or
 * week. A year without a rate entry is refused with the entry that is missing: the adapter never guesses a rate.
 */
public final class Pricing {

    /** One reported interval of work; the rate is that of the year the interval starts in. */
    public record Worked(LocalDateTime start, LocalDateTime end) {
        public Worked {
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException("a reported interval ends after it starts");
            }
        }

        public long minutes() {
            return Duration.between(start, end).toMinutes();
        }
    }

    /** Why a price cannot be given, with the rule and the missing entry. */
    public static final class Refused extends RuntimeException {
        private final String ruleId;

        public Refused(String message, String ruleId) {
            super(message);
            this.ruleId = ruleId;
        }

        public String ruleId() {
            return ruleId;
        }
    }

    private Pricing() {
    }

    /**
     * @param targetGroupWithSpecialistResponsibility for a region whose share applies only to that group (Gävleborg)
     */
    public static Money price(RegionRuleSet rules, Worked worked, boolean targetGroupWithSpecialistResponsibility) {
        RegionRuleSet.Compensation c = rules.compensation();
        if ("none".equals(c.model())) {
            throw new Refused(rules.name() + ": " + c.rateSource(), c.rule());
        }
        if (c.shareAppliesTo() != null && !targetGroupWithSpecialistResponsibility) {
            throw new Refused(rules.name() + " pays only for the target group (respirator, tracheostomy, peritoneal "
                    + "dialysis) where specialist care holds treatment responsibility", c.rule());
        }
        int year = worked.start().getYear();
        RegionRuleSet.Rate rate = rules.ratesByYear().get(String.valueOf(year));
        if (rate == null || rate.sek() == null) {
            throw new Refused("No rate for " + year + " in regions/" + rules.region() + ".json (" + c.rateSource()
                    + "): an operator adds the entry ratesByYear." + year + "; no price is guessed", c.rule());
        }
        BigDecimal amount = "started-hour".equals(c.rounding())
                ? rate.sek().multiply(BigDecimal.valueOf(startedHours(worked.minutes())))
                : rate.sek().multiply(BigDecimal.valueOf(worked.minutes())).divide(BigDecimal.valueOf(60), 10, RoundingMode.HALF_UP);
        return Money.sek(amount.multiply(c.share()));
    }

    /** Jämtland Härjedalen: every started hour counts whole (2 h 5 min = 3 hours). */
    public static long startedHours(long minutes) {
        return (minutes + 59) / 60;
    }
}
