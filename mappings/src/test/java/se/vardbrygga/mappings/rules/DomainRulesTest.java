package se.vardbrygga.mappings.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.vardbrygga.mappings.rules.Fixtures.delegation;
import static se.vardbrygga.mappings.rules.Fixtures.inpatient;
import static se.vardbrygga.mappings.rules.Fixtures.professional;
import static se.vardbrygga.mappings.rules.Fixtures.unit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Encounter.EncounterStatus;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.vardbrygga.mappings.Codes;
import se.vardbrygga.profiles.Canonical;

class DomainRulesTest {
    private static final Instant NOW = Instant.parse("2025-03-10T13:20:00Z");
    private final DomainRules rules = new DomainRules();
    private ListFacts facts;

    @BeforeEach
    void directory() {
        facts = new ListFacts(NOW);
        facts.add(unit("ward", "region-ward"));
        facts.add(unit("homecare", "municipal-home-care"));
        facts.add(unit("assist", "assistance-provider"));
        facts.add(professional("ward-nurse", "ward", "nurse"));
        facts.add(professional("municipal-nurse", "homecare", "nurse"));
        facts.add(professional("unlicensed", "assist", null));
    }

    private RuleViolationException refused(Resource resource, Optional<Resource> before) {
        try {
            rules.onWrite(resource, before, facts);
        } catch (RuleViolationException e) {
            return e;
        }
        throw new AssertionError("the write was not refused");
    }

    private static List<String> ruleIds(RuleViolationException e) {
        return e.violations().stream().map(RuleViolation::ruleId).toList();
    }

    @Test
    void delegationEndsAtInpatientAdmission_R_DEL_1() {
        facts.add(delegation("d1", TaskStatus.ACCEPTED, "municipal-nurse"));
        facts.add(delegation("d2", TaskStatus.INPROGRESS, "municipal-nurse"));
        facts.add(delegation("d3", TaskStatus.COMPLETED, "municipal-nurse"));

        RuleEffects effects = rules.onWrite(inpatient("e1", EncounterStatus.INPROGRESS, NOW), Optional.empty(), facts);

        assertThat(effects.changes()).extracting(Change::id).containsExactlyInAnyOrder("d1", "d2");
        Change.Changed changed = effects.changes().get(0).change().apply(facts.resolve(new Reference("Task/d1")).orElseThrow()).orElseThrow();
        Task ended = (Task) changed.updated();
        assertThat(ended.getStatus()).isEqualTo(TaskStatus.CANCELLED);
        assertThat(Codes.hasCoding(ended.getStatusReason(), Canonical.RULE, "R-DEL-1")).isTrue();
        Provenance provenance = (Provenance) changed.alsoCreate().get(0);
        assertThat(Codes.hasCoding(provenance.getReasonFirstRep(), Canonical.RULE, "R-DEL-1")).isTrue();
        assertThat(provenance.getTargetFirstRep().getReference()).isEqualTo("Task/d1");
        assertThat(provenance.getEntityFirstRep().getWhat().getReference()).isEqualTo("Encounter/e1");
    }

    @Test
    void When_TheDelegationWasEndedMeanwhile_Expect_NoSecondEnd_R_DEL_1() {
        facts.add(delegation("d1", TaskStatus.ACCEPTED, "municipal-nurse"));
        Change change = rules.onWrite(inpatient("e1", EncounterStatus.INPROGRESS, NOW), Optional.empty(), facts).changes().get(0);

        Task alreadyEnded = delegation("d1", TaskStatus.CANCELLED, "municipal-nurse");

        assertThat(change.change().apply(alreadyEnded)).isEmpty();
    }

    @Test
    void When_AnOngoingStayIsUpdated_Expect_NoSecondAdmission_R_DEL_1() {
        facts.add(delegation("d1", TaskStatus.ACCEPTED, "municipal-nurse"));
        Encounter before = inpatient("e1", EncounterStatus.INPROGRESS, NOW);

        RuleEffects effects = rules.onWrite(inpatient("e1", EncounterStatus.INPROGRESS, NOW), Optional.of(before), facts);

        assertThat(effects.changes()).isEmpty();
    }

    @Test
    void delegationByMunicipalProfessionalDuringInpatientStayIsRefused_R_DEL_1() {
        facts.add(inpatient("e1", EncounterStatus.INPROGRESS, NOW));

        RuleViolationException e = refused(delegation("d9", TaskStatus.ACCEPTED, "municipal-nurse"), Optional.empty());

        assertThat(ruleIds(e)).containsExactly("R-DEL-1");
        assertThat(e.violations().get(0).expression()).isEqualTo("Task.requester");
    }

    @Test
    void regionMayDelegateDuringInpatientStay_R_DEL_2() {
        facts.add(inpatient("e1", EncounterStatus.INPROGRESS, NOW));

        RuleEffects effects = rules.onWrite(delegation("d9", TaskStatus.ACCEPTED, "ward-nurse"), Optional.empty(), facts);

        assertThat(effects.changes()).isEmpty();
    }

    @Test
    void delegationWithoutLicensedDelegatorIsRefused_R_DEL_4() {
        RuleViolationException e = refused(delegation("d9", TaskStatus.ACCEPTED, "unlicensed"), Optional.empty());

        assertThat(ruleIds(e)).containsExactly("R-DEL-4");
    }

    @Test
    void endingADelegationIsAlwaysAllowed_R_DEL_1() {
        facts.add(inpatient("e1", EncounterStatus.INPROGRESS, NOW));
        Task active = delegation("d1", TaskStatus.ACCEPTED, "municipal-nurse");

        RuleEffects effects = rules.onWrite(delegation("d1", TaskStatus.COMPLETED, "municipal-nurse"), Optional.of(active), facts);

        assertThat(effects).isEqualTo(RuleEffects.NONE);
    }

    @Test
    void dischargeAsksTheMunicipalityToDecideOnNewDelegations_R_DEL_1() {
        Instant admitted = NOW.minus(Duration.ofDays(3));
        Task ended = delegation("d1", TaskStatus.CANCELLED, "municipal-nurse");
        ended.setStatusReason(Codes.ruleConcept("R-DEL-1", null)).setLastModified(java.util.Date.from(admitted));
        facts.add(ended);
        Task endedEarlierStay = delegation("d0", TaskStatus.CANCELLED, "municipal-nurse");
        endedEarlierStay.setStatusReason(Codes.ruleConcept("R-DEL-1", null))
                .setLastModified(java.util.Date.from(admitted.minus(Duration.ofDays(40))));
        facts.add(endedEarlierStay);
        Encounter before = inpatient("e1", EncounterStatus.INPROGRESS, admitted);

        RuleEffects effects = rules.onWrite(inpatient("e1", EncounterStatus.FINISHED, admitted), Optional.of(before), facts);

        assertThat(effects.creates()).hasSize(1);
        Task review = (Task) effects.creates().get(0);
        assertThat(Codes.hasCoding(review.getCode(), Canonical.TASK_CODE, "delegation-review")).isTrue();
        assertThat(review.getOwner().getReference()).isEqualTo("Organization/homecare");
        assertThat(review.getInput()).extracting(i -> ((Reference) i.getValue()).getReference()).containsExactly("Task/d1");
        assertThat(Codes.hasCoding(review.getReasonCode(), Canonical.RULE, "R-DEL-1")).isTrue();
    }

    @Test
    void specialNeedsNotGrantedAtAdmissionPromptAnApplicationNamingTheAssessmentCriteria_R_PA_2_R_PA_3() {
        Encounter admission = inpatient("e1", EncounterStatus.INPROGRESS, NOW);
        admission.addExtension(new PersonalAssistance(new Reference("Organization/assist"), true, false).toExtension());

        RuleEffects effects = rules.onWrite(admission, Optional.empty(), facts);

        assertThat(effects.creates()).hasSize(1);
        Task task = (Task) effects.creates().get(0);
        assertThat(Codes.hasCoding(task.getCode(), Canonical.TASK_CODE, "assistance-compensation-application")).isTrue();
        assertThat(task.getOwner().getReference()).isEqualTo("Organization/assist");
        assertThat(task.getDescription()).contains("R-PA-3").contains("deep knowledge").contains("lack of resources")
                .contains("parental responsibility");
    }

    @Test
    void grantedCompensationNeedsNoApplication_R_PA_2() {
        Encounter admission = inpatient("e1", EncounterStatus.INPROGRESS, NOW);
        admission.addExtension(new PersonalAssistance(new Reference("Organization/assist"), true, true).toExtension());

        assertThat(rules.onWrite(admission, Optional.empty(), facts).creates()).isEmpty();
    }

    @Test
    void executorIsRemindedBeforeAndWhenTheFourWeekLimitPasses_R_PA_1() {
        Encounter stay = inpatient("e1", EncounterStatus.INPROGRESS, NOW);
        stay.addExtension(new PersonalAssistance(new Reference("Organization/assist"), false, true).toExtension());

        assertThat(AssistanceRules.dueReminders(stay, NOW.plus(Duration.ofDays(20)))).isEmpty();
        assertThat(AssistanceRules.dueReminders(stay, NOW.plus(Duration.ofDays(22))))
                .extracting(AssistanceRules.Reminder::key).containsExactly("e1/limit-approaching");
        List<AssistanceRules.Reminder> passed = AssistanceRules.dueReminders(stay, NOW.plus(Duration.ofDays(28)));
        assertThat(passed).extracting(AssistanceRules.Reminder::key).containsExactly("e1/limit-passed");
        assertThat(passed.get(0).task().getOwner().getReference()).isEqualTo("Organization/assist");
        assertThat(passed.get(0).task().getIdentifierFirstRep().getValue()).isEqualTo("e1/limit-passed");
        assertThat(passed.get(0).ifNoneExist()).endsWith("/sid/rule-task|e1/limit-passed");
        stay.setStatus(EncounterStatus.FINISHED);
        assertThat(AssistanceRules.dueReminders(stay, NOW.plus(Duration.ofDays(30)))).isEmpty();
    }

    private Task companionRequest(String owner, String carePlan) {
        Task task = new Task().setStatus(TaskStatus.REQUESTED).setIntent(Task.TaskIntent.ORDER)
                .setCode(Codes.taskCode("companion-request")).setFor(new Reference(Fixtures.PATIENT))
                .setOwner(new Reference(owner)).setFocus(new Reference(carePlan)).setRequester(new Reference("Organization/ward"));
        task.setId("c1");
        return task;
    }

    private void companionNeed(String id, String visitContext) {
        CarePlan plan = new CarePlan();
        plan.setId(id);
        plan.addExtension(Codes.VISIT_CONTEXT_EXTENSION, new Coding(Canonical.VISIT_CONTEXT, visitContext, null));
        facts.add(plan);
    }

    @Test
    void companionRequestOwnedByARegionUnitIsRefused_R_CMP_1() {
        companionNeed("cp1", "planned-outpatient");

        assertThat(ruleIds(refused(companionRequest("Organization/ward", "CarePlan/cp1"), Optional.empty())))
                .containsExactly("R-CMP-1");
        assertThat(rules.onWrite(companionRequest("Organization/homecare", "CarePlan/cp1"), Optional.empty(), facts))
                .isEqualTo(RuleEffects.NONE);
    }

    private Task storedCompanionRequest(String id, TaskStatus status, String carePlan) {
        Task task = companionRequest("Organization/homecare", carePlan).setStatus(status);
        task.setId(id);
        return facts.add(task);
    }

    /** The ended version of each Task the rules change at this admission, by id. */
    private Map<String, Task> endedAtAdmission() {
        RuleEffects effects = rules.onWrite(inpatient("e1", EncounterStatus.INPROGRESS, NOW), Optional.empty(), facts);
        Map<String, Task> ended = new TreeMap<>();
        for (Change change : effects.changes()) {
            change.change().apply(facts.resolve(new Reference("Task/" + change.id())).orElseThrow())
                    .ifPresent(c -> ended.put(change.id(), (Task) c.updated()));
        }
        return ended;
    }

    @Test
    void companionWithThePatientHandsOverToTheRegionAtAdmission_R_CMP_6() {
        companionNeed("outpatient", "planned-outpatient");
        companionNeed("stay", "inpatient");
        storedCompanionRequest("with-patient", TaskStatus.INPROGRESS, "CarePlan/outpatient");
        storedCompanionRequest("next-week", TaskStatus.ACCEPTED, "CarePlan/outpatient");
        storedCompanionRequest("ward-request", TaskStatus.INPROGRESS, "CarePlan/stay");

        Map<String, Task> ended = endedAtAdmission();

        assertThat(ended).containsOnlyKeys("with-patient");
        assertThat(ended.get("with-patient").getStatus()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(Codes.hasCoding(ended.get("with-patient").getStatusReason(), Canonical.RULE, "R-CMP-6")).isTrue();
    }

    @Test
    void emergencyCompanionIsWantedUntilAdmission_R_CMP_4() {
        companionNeed("ed", "emergency");
        storedCompanionRequest("on-the-way", TaskStatus.ACCEPTED, "CarePlan/ed");
        storedCompanionRequest("declined", TaskStatus.REJECTED, "CarePlan/ed");

        Map<String, Task> ended = endedAtAdmission();

        assertThat(ended).containsOnlyKeys("on-the-way");
        assertThat(ended.get("on-the-way").getStatus()).isEqualTo(TaskStatus.CANCELLED);
        assertThat(Codes.hasCoding(ended.get("on-the-way").getStatusReason(), Canonical.RULE, "R-CMP-4")).isTrue();
    }

    @Test
    void inpatientCompanionIsNotRequestedWhenAssistanceIsGrantedForTheStay_R_CMP_7() {
        companionNeed("cp1", "inpatient");
        Encounter stay = facts.add(inpatient("e1", EncounterStatus.INPROGRESS, NOW));
        stay.addExtension(new PersonalAssistance(new Reference("Organization/assist"), false, true).toExtension());

        assertThat(ruleIds(refused(companionRequest("Organization/homecare", "CarePlan/cp1"), Optional.empty())))
                .containsExactly("R-CMP-7");
    }

    @Test
    void replyToOneWayEmergencyInformationIsRefused_R_COM_2() {
        Communication info = new Communication();
        info.setId("m1");
        info.addExtension(Codes.ONE_WAY, new BooleanType(true));
        facts.add(info);
        Communication reply = new Communication();
        reply.addInResponseTo(new Reference("Communication/m1"));

        RuleViolationException e = refused(reply, Optional.empty());

        assertThat(ruleIds(e)).containsExactly("R-COM-2");
        assertThat(e.violations().get(0).expression()).isEqualTo("Communication.inResponseTo[0]");
    }
}
