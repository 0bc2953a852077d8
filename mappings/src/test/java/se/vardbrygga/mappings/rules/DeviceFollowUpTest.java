package se.vardbrygga.mappings.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.vardbrygga.mappings.rules.DeviceFollowUp.Decision.CLOSE;
import static se.vardbrygga.mappings.rules.DeviceFollowUp.Decision.RECURRING;

import java.time.Instant;
import java.util.Optional;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeviceFollowUpTest {
    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
    private final ListFacts facts = new ListFacts(NOW);
    private final DomainRules rules = new DomainRules();

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
                null, new Reference("Organization/centre"), receiver == null ? null : new Reference(receiver));
    }

    @Test
    void followUpIsHandedOverWhenResponsibilityMovesAndTheAssessmentRecordsTheDecision_R_AD_1() {
        DeviceFollowUp.Plan plan = DeviceFollowUp.plan(assessment(3, 1, null, false, false, "Organization/centre"), NOW);
        assertThat(plan.decision()).isEqualTo(RECURRING);
        assertThat(plan.assessment().getOutputFirstRep().getValue().getNamedProperty("coding").getValues().get(0)
                .getNamedProperty("code").getValues().get(0).primitiveValue()).isEqualTo("recurring-follow-up");
        assertThat(plan.handover()).hasValueSatisfying(t -> assertThat(t.getOwner().getReference()).isEqualTo("Organization/centre"));

        DeviceFollowUp.Plan stays = DeviceFollowUp.plan(assessment(3, 1, null, true, false, null), NOW);
        assertThat(stays.handover()).isEmpty();
        assertThat(stays.assessment().getStatus()).isEqualTo(Task.TaskStatus.INPROGRESS); // the prescriber follows up
        DeviceFollowUp.Plan undecided = DeviceFollowUp.plan(assessment(2, 1, null, false, false, null), NOW);
        assertThat(undecided.assessment().getStatus()).isEqualTo(Task.TaskStatus.REQUESTED); // the prescriber decides
        assertThat(DeviceFollowUp.plan(assessment(2, 1, false, false, false, null), NOW).handover()).isEmpty();
        assertThat(DeviceFollowUp.plan(assessment(2, 1, true, false, false, "Organization/centre"), NOW).handover()).isPresent();
        DeviceFollowUp.Plan closed = DeviceFollowUp.plan(assessment(1, 1, null, false, true, null), NOW);
        assertThat(closed.decision()).isEqualTo(CLOSE);
        assertThat(closed.handover()).isEmpty();
        assertThat(closed.assessment().getStatus()).isEqualTo(Task.TaskStatus.COMPLETED);
    }

    @Test
    void handoverNeedsAReceivingUnitAndAtDischargeTheMunicipality_R_AD_1() {
        assertThatThrownBy(() -> DeviceFollowUp.plan(assessment(3, 3, null, false, false, null), NOW))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.violations().get(0).expression()).isEqualTo("receivingUnit"));

        Task toCentre = DeviceFollowUp.plan(assessment(3, 3, null, true, true, "Organization/centre"), NOW).handover().orElseThrow();
        assertThatThrownBy(() -> rules.onWrite(toCentre, Optional.empty(), facts))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.violations().get(0).ruleId()).isEqualTo("R-AD-1"));
        Task toHomeCare = DeviceFollowUp.plan(assessment(3, 3, null, true, true, "Organization/homecare"), NOW).handover().orElseThrow();
        assertThat(rules.onWrite(toHomeCare, Optional.empty(), facts)).isEqualTo(RuleEffects.NONE);
    }
}
