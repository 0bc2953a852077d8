package se.vardbrygga.mappings.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import se.vardbrygga.mappings.Codes;

class EscalationRulesTest {
    private final DomainRules rules = new DomainRules();
    private final ListFacts facts = new ListFacts(Instant.parse("2026-11-25T09:00:00Z"));

    private static Task atLevel(int level) {
        return new Task().setStatus(Task.TaskStatus.INPROGRESS).setIntent(Task.TaskIntent.ORDER)
                .setCode(Codes.taskCode("escalation")).setFor(new Reference(Fixtures.PATIENT))
                .setBusinessStatus(new CodeableConcept(new Coding(EscalationRules.LEVEL_SYSTEM, "level-" + level, null)));
    }

    private List<String> refusals(Task task, Optional<Resource> before) {
        try {
            rules.onWrite(task, before, facts);
            return List.of();
        } catch (RuleViolationException e) {
            return e.violations().stream().map(RuleViolation::ruleId).toList();
        }
    }

    @Test
    void disagreementStartsWithTheStaffAtLevelOne_R_ESC_1() {
        assertThat(refusals(atLevel(1), Optional.empty())).isEmpty();
        assertThat(refusals(atLevel(2), Optional.empty())).containsExactly("R-ESC-1");
    }

    @Test
    void escalationClimbsOneLevelAtATimeAndNeverSkips_R_ESC_1() {
        assertThat(refusals(atLevel(2), Optional.of(atLevel(1)))).isEmpty();
        assertThat(refusals(atLevel(3), Optional.of(atLevel(2)))).isEmpty();
        assertThat(refusals(atLevel(3), Optional.of(atLevel(1)))).containsExactly("R-ESC-1");
        assertThat(refusals(atLevel(1), Optional.of(atLevel(2)))).containsExactly("R-ESC-1");
        assertThat(refusals(atLevel(2), Optional.of(atLevel(2)))).isEmpty(); // other changes at the same level
    }
}
