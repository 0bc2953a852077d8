package se.vardbrygga.mappings.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.vardbrygga.mappings.rules.DeviceFollowUp.Decision.CLOSE;
import static se.vardbrygga.mappings.rules.DeviceFollowUp.Decision.PRESCRIBER_DECIDES;
import static se.vardbrygga.mappings.rules.DeviceFollowUp.Decision.RECURRING;

import java.time.Instant;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeviceFollowUpTest {
    private final ListFacts facts = new ListFacts(Instant.parse("2026-11-25T09:00:00Z"));

    DeviceFollowUpTest() {
        facts.add(Fixtures.unit("homecare", "municipal-home-care"));
        facts.add(Fixtures.unit("centre", "health-centre"));
    }

    @ParameterizedTest(name = "A={0} B={1} -> {2}")
    @CsvSource({
            "1,1,CLOSE", "1,2,PRESCRIBER_DECIDES", "2,1,PRESCRIBER_DECIDES", "2,2,PRESCRIBER_DECIDES",
            "1,3,RECURRING", "3,1,RECURRING", "2,3,RECURRING", "3,2,RECURRING", "3,3,RECURRING"})
    void ratingsDecideCloseDecideOrRecurring_R_AD_1(int a, int b, DeviceFollowUp.Decision expected) {
        assertThat(DeviceFollowUp.decide(a, b, true)).isEqualTo(expected);
    }

    @Test
    void patientWhoCannotTakeResponsibilityGetsRecurringFollowUps_R_AD_1() {
        assertThat(DeviceFollowUp.decide(1, 1, false)).isEqualTo(RECURRING);
    }

    private static DeviceFollowUp.Assessment assessment(int a, int b, Boolean needed, boolean stays, boolean discharge, String receiver) {
        return new DeviceFollowUp.Assessment(Fixtures.PATIENT, "Rollator", a, b, true, needed, stays, discharge,
                null, receiver == null ? null : new Reference(receiver));
    }

    @Test
    void followUpIsHandedOverWhenResponsibilityMoves_R_AD_1() {
        DeviceFollowUp.Plan plan = DeviceFollowUp.plan(assessment(3, 1, null, false, false, "Organization/centre"), facts);
        assertThat(plan.decision()).isEqualTo(RECURRING);
        assertThat(plan.handover()).hasValueSatisfying(t -> assertThat(t.getOwner().getReference()).isEqualTo("Organization/centre"));

        assertThat(DeviceFollowUp.plan(assessment(3, 1, null, true, false, null), facts).handover()).isEmpty();
        assertThat(DeviceFollowUp.plan(assessment(2, 1, false, false, false, null), facts).handover()).isEmpty();
        assertThat(DeviceFollowUp.plan(assessment(2, 1, true, false, false, "Organization/centre"), facts).handover()).isPresent();
        assertThat(DeviceFollowUp.plan(assessment(1, 1, null, false, true, null), facts))
                .satisfies(p -> assertThat(p.decision()).isEqualTo(CLOSE)).satisfies(p -> assertThat(p.handover()).isEmpty());
        assertThat(PRESCRIBER_DECIDES.code()).isEqualTo("prescriber-decides");
    }

    @Test
    void handoverNeedsAReceivingUnitAndAtDischargeTheMunicipality_R_AD_1() {
        assertThatThrownBy(() -> DeviceFollowUp.plan(assessment(3, 3, null, false, false, null), facts))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.violations().get(0).expression()).isEqualTo("receivingUnit"));
        assertThatThrownBy(() -> DeviceFollowUp.plan(assessment(3, 3, null, true, true, "Organization/centre"), facts))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.violations().get(0).ruleId()).isEqualTo("R-AD-1"));
        assertThat(DeviceFollowUp.plan(assessment(3, 3, null, true, true, "Organization/homecare"), facts).handover()).isPresent();
    }
}
