package se.vardbrygga.mappings.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter.EncounterStatus;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import se.vardbrygga.mappings.Codes;
import se.vardbrygga.profiles.Canonical;

class ServicePurchaseRulesTest {
    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
    private final DomainRules rules = new DomainRules();
    private final ListFacts facts = new ListFacts(NOW);

    private static Task request(String region, String... kinds) {
        Task task = new Task().setStatus(Task.TaskStatus.REQUESTED).setCode(Codes.taskCode("service-purchase-request"))
                .setFor(new Reference(Fixtures.PATIENT));
        task.getRestriction().getPeriod().setEnd(java.util.Date.from(NOW.plusSeconds(86400)));
        task.addInput().setType(Codes.taskParameter("signed-by")).setValue(new Reference("PractitionerRole/manager"));
        task.addInput().setType(Codes.taskParameter("region")).setValue(new CodeableConcept(new Coding(Canonical.REGION, region, null)));
        for (String kind : kinds) {
            task.addInput().setType(Codes.taskParameter("purchased-task"))
                    .setValue(new CodeableConcept(new Coding(Canonical.PURCHASED_TASK_KIND, kind, null)));
        }
        return task;
    }

    private List<String> refusals(Task task) {
        try {
            rules.onWrite(task, Optional.empty(), facts);
            return List.of();
        } catch (RuleViolationException e) {
            return e.violations().stream().map(RuleViolation::ruleId).toList();
        }
    }

    @Test
    void vastmanlandStaffPurchaseHasNoHslTasks_R_DEL_3() {
        assertThat(refusals(request("vastmanland", "supervision", "medication-handling"))).containsExactly("R-DEL-3");
        assertThat(refusals(request("vastmanland", "supervision", "personal-care"))).isEmpty();
        assertThat(refusals(request("varmland", "wound-care"))).isEmpty(); // delegated by agreement elsewhere (R-DEL-3)
    }

    @Test
    void requestIsSignedOrMarkedAsExceptionSignedAfterwards_R_TK_1() {
        Task unsigned = request("varmland", "supervision");
        unsigned.getInput().removeIf(i -> Codes.hasCoding(i.getType(), Canonical.TASK_PARAMETER_TYPE, "signed-by"));
        assertThat(refusals(unsigned)).containsExactly("R-TK-1");

        unsigned.addInput().setType(Codes.taskParameter("sign-afterwards")).setValue(new org.hl7.fhir.r4.model.BooleanType(true));
        assertThat(refusals(unsigned)).isEmpty();
    }

    @Test
    void requestStatesWithinWhatTimeItIsDone_R_TK_1() {
        Task open = request("varmland", "supervision");
        open.getRestriction().getPeriod().setEnd(null);
        assertThat(refusals(open)).containsExactly("R-TK-1");
    }

    @Test
    void executorDeclinesOnlyWithItsReason_R_CMP_7() {
        Task before = request("varmland", "supervision");
        Task declined = before.copy().setStatus(Task.TaskStatus.REJECTED);
        try {
            rules.onWrite(declined, Optional.of(before), facts);
            throw new AssertionError("refused expected");
        } catch (RuleViolationException e) {
            assertThat(e.violations()).extracting(RuleViolation::ruleId).containsExactly("R-CMP-7");
        }
        declined.setStatusReason(new CodeableConcept().setText("Ingen personal tillgänglig"));
        rules.onWrite(declined, Optional.of(before), facts);
    }

    @Test
    void noStaffAreBoughtForAStayTheAssistanceCovers_R_CMP_7() {
        org.hl7.fhir.r4.model.Encounter stay = facts.add(Fixtures.inpatient("e1", EncounterStatus.INPROGRESS, NOW));
        stay.addExtension(new PersonalAssistance(new Reference("Organization/assist"), false, true).toExtension());

        assertThat(refusals(request("varmland", "supervision"))).containsExactly("R-CMP-7");
    }
}
