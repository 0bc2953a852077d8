package se.vardbrygga.mappings.purchase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** Each region's arithmetic against hand-computed amounts (R-TK-4). */
class PricingTest {
    private final RegionRuleSets regions = new RegionRuleSets();

    private RegionRuleSet region(String id) {
        return regions.of(id).orElseThrow();
    }

    /** The rule set with an operator's rate entry for {@code year} (a test value, not a published rate). */
    private RegionRuleSet withRate(String id, int year, String sek) {
        return region(id).withRate(year, new BigDecimal(sek), "operator (test)");
    }

    private static Pricing.Worked worked(String start, String end) {
        return new Pricing.Worked(LocalDateTime.parse(start), LocalDateTime.parse(end));
    }

    @Test
    void jamtlandChargesEveryStartedHour_R_TK_4() {
        RegionRuleSet jamtland = region("jamtland-harjedalen");

        // 2 h 5 min = 3 started hours × 510 SEK
        assertThat(Pricing.price(jamtland, worked("2017-05-02T08:00", "2017-05-02T10:05"), false)).isEqualTo(Money.sek("1530.00"));
        assertThat(Pricing.price(jamtland, worked("2017-05-02T08:00", "2017-05-02T09:00"), false)).isEqualTo(Money.sek("510.00"));
        assertThat(Pricing.price(jamtland, worked("2017-05-02T08:00", "2017-05-02T08:01"), false)).isEqualTo(Money.sek("510.00"));
    }

    @Test
    void vastmanlandNightCostsTheSameAsDayAndMinutesAreExact_R_TK_4() {
        RegionRuleSet vastmanland = region("vastmanland");

        Money night = Pricing.price(vastmanland, worked("2023-03-10T22:00", "2023-03-11T06:30"), false);
        Money day = Pricing.price(vastmanland, worked("2023-03-11T08:00", "2023-03-11T16:30"), false);
        assertThat(night).isEqualTo(day).isEqualTo(Money.sek("2465.00")); // 8.5 h × 290
        assertThat(Pricing.price(vastmanland, worked("2023-03-11T08:00", "2023-03-11T08:20"), false))
                .isEqualTo(Money.sek("96.67")); // 290 / 3 = 96.666… rounded half-up to öre once
    }

    @Test
    void gavleborgPaysHalfAndOnlyForTheTargetGroup_R_TK_4() {
        RegionRuleSet gavleborg = withRate("gavleborg", 2026, "345.70");

        assertThat(Pricing.price(gavleborg, worked("2026-11-02T08:00", "2026-11-02T12:00"), true))
                .isEqualTo(Money.sek("691.40")); // 4 h × 345.70 × 50 %
        assertThatThrownBy(() -> Pricing.price(gavleborg, worked("2026-11-02T08:00", "2026-11-02T12:00"), false))
                .isInstanceOfSatisfying(Pricing.Refused.class, e -> assertThat(e.getMessage()).contains("target group"));
    }

    @Test
    void missingRateYearIsRefusedNamingTheEntry_R_TK_4() {
        assertThatThrownBy(() -> Pricing.price(region("varmland"), worked("2026-11-02T08:00", "2026-11-02T12:00"), false))
                .isInstanceOfSatisfying(Pricing.Refused.class, e -> {
                    assertThat(e.getMessage()).contains("ratesByYear.2026").contains("regions/varmland.json");
                    assertThat(e.ruleId()).isEqualTo("R-TK-4");
                });
        assertThatThrownBy(() -> Pricing.price(region("vastmanland"), worked("2024-01-02T08:00", "2024-01-02T09:00"), false))
                .isInstanceOf(Pricing.Refused.class); // 2023 is given, the 2024 wage raise is not yet entered
        assertThat(Pricing.price(withRate("varmland", 2026, "345.70"), worked("2026-11-02T08:00", "2026-11-02T09:15"), false))
                .isEqualTo(Money.sek("432.13")); // 1.25 h × 345.70 = 432.125 → 432.13
    }

    @Test
    void vasterbottenSetsNoServicePurchaseCompensation_R_TK_4() {
        assertThatThrownBy(() -> Pricing.price(region("vasterbotten"), worked("2026-11-02T08:00", "2026-11-02T09:00"), false))
                .isInstanceOf(Pricing.Refused.class);
    }

    @Test
    void everyRegionHasAFileAndItsRuleIds() {
        assertThat(regions.all()).extracting(RegionRuleSet::region).containsExactlyElementsOf(RegionRuleSets.REGIONS);
        assertThat(regions.all()).allSatisfy(r -> assertThat(r.compensation().rule()).isEqualTo("R-TK-4"));
        assertThat(region("gavleborg").invoicing().marks()).containsExactly("KST 80904");
        assertThat(region("vastmanland").invoicing().agreementMarkRequired()).isTrue(); // ansvarsnummer
        assertThat(region("vastmanland").agreementEndsAtDischarge().value()).isTrue(); // R-TK-3
        assertThat(region("varmland").repaymentWhenAssistanceGranted().value()).isTrue(); // R-PA-4
        assertThat(region("jamtland-harjedalen").invoicing().periodMonths()).isEqualTo(3);
    }

    @Test
    void moneyIsWholeOre() {
        assertThat(Money.sek("0.005")).isEqualTo(new Money(1));
        assertThat(Money.sek("1530.00").plus(Money.sek("0.01")).toString()).isEqualTo("1530.01 SEK");
    }
}
