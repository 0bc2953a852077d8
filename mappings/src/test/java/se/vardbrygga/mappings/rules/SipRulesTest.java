package se.vardbrygga.mappings.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import se.vardbrygga.mappings.Codes;

class SipRulesTest {
    private final DomainRules rules = new DomainRules();
    private final ListFacts facts = new ListFacts(Instant.parse("2026-11-25T09:00:00Z"));

    private static Task invitation(String deadline, String dischargeReady) {
        Task task = new Task().setStatus(Task.TaskStatus.REQUESTED).setIntent(Task.TaskIntent.ORDER)
                .setCode(Codes.taskCode("sip-invitation")).setFor(new Reference(Fixtures.PATIENT))
                .setFocus(new Reference("CarePlan/sip"));
        task.getRestriction().getPeriod().setEndElement(new DateTimeType(deadline));
        if (dischargeReady != null) {
            task.addInput().setType(Codes.taskParameter("discharge-ready-date")).setValue(new DateType(dischargeReady));
        }
        return task;
    }

    @Test
    void sipInvitationIsDueAtTheLatestOnTheDischargeReadyDate_R_INFO_1() {
        assertThat(rules.onWrite(invitation("2026-11-27", "2026-11-27"), Optional.empty(), facts)).isEqualTo(RuleEffects.NONE);
        assertThat(rules.onWrite(invitation("2026-11-26T15:00:00+01:00", "2026-11-27"), Optional.empty(), facts))
                .isEqualTo(RuleEffects.NONE);

        assertThatThrownBy(() -> rules.onWrite(invitation("2026-11-28", "2026-11-27"), Optional.empty(), facts))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.violations()).singleElement()
                        .satisfies(v -> {
                            assertThat(v.ruleId()).isEqualTo("R-INFO-1");
                            assertThat(v.expression()).isEqualTo("Task.restriction.period.end");
                        }));
    }

    @Test
    void sipInvitationStatesTheDischargeReadyDate_R_INFO_1() {
        assertThatThrownBy(() -> rules.onWrite(invitation("2026-11-27", null), Optional.empty(), facts))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.violations().get(0).expression()).isEqualTo("Task.input"));
    }
}
