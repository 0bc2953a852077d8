package se.vardbrygga.mappings.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.Test;
import se.vardbrygga.mappings.Codes;
import se.vardbrygga.profiles.Canonical;

class ConsentRulesTest {
    private final DomainRules rules = new DomainRules();
    private final ListFacts facts = new ListFacts(Instant.parse("2026-11-25T09:00:00Z"));

    private static Task enrolment() {
        Task task = new Task().setStatus(TaskStatus.REQUESTED).setCode(Codes.taskCode("home-care-assignment"))
                .setFor(new Reference(Fixtures.PATIENT)).setOwner(new Reference("Organization/homecare"));
        task.setId("a1");
        return task;
    }

    private static Consent consent(Consent.ConsentProvisionType type) {
        Consent c = new Consent().setStatus(Consent.ConsentState.ACTIVE).setPatient(new Reference(Fixtures.PATIENT));
        c.setId("c1");
        c.getProvision().setType(type).addActor().setReference(new Reference("Organization/homecare"));
        return c;
    }

    private Task applied(List<Change> changes) {
        return (Task) changes.get(0).change().apply(facts.resolve(new Reference("Task/a1")).orElseThrow()).orElseThrow().updated();
    }

    @Test
    void transferWithoutConsentIsStoredButHeld_R_CON_1() {
        Task task = enrolment();

        assertThat(rules.amend(task, Optional.empty(), facts)).isTrue();

        assertThat(task.getStatus()).isEqualTo(TaskStatus.ONHOLD);
        assertThat(Codes.hasCoding(task.getBusinessStatus(), Canonical.RULE, "R-CON-1")).isTrue();
    }

    @Test
    void transferCoveredByConsentIsNotHeld_R_CON_1() {
        facts.add(consent(Consent.ConsentProvisionType.PERMIT));

        assertThat(rules.amend(enrolment(), Optional.empty(), facts)).isFalse();
    }

    @Test
    void consentReleasesTheHeldTransfer_R_CON_1() {
        Task held = enrolment();
        rules.amend(held, Optional.empty(), facts);
        facts.add(held);

        RuleEffects effects = rules.onWrite(consent(Consent.ConsentProvisionType.PERMIT), Optional.empty(), facts);

        assertThat(applied(effects.changes()).getStatus()).isEqualTo(TaskStatus.REQUESTED);
    }

    @Test
    void heldTransferCannotBeAcceptedWithoutConsent_R_CON_1() {
        Task held = enrolment();
        rules.amend(held, Optional.empty(), facts);

        RuleViolationException refused = null;
        try {
            rules.onWrite(held.copy().setStatus(TaskStatus.ACCEPTED), Optional.of(held), facts);
        } catch (RuleViolationException e) {
            refused = e;
        }
        assertThat(refused).isNotNull();
        assertThat(refused.violations()).extracting(RuleViolation::ruleId).contains("R-CON-1");
    }

    @Test
    void declinedHomeHealthCareEndsTheHeldEnrolment_R_CON_2() {
        Task held = enrolment();
        rules.amend(held, Optional.empty(), facts);
        facts.add(held);

        RuleEffects effects = rules.onWrite(consent(Consent.ConsentProvisionType.DENY), Optional.empty(), facts);

        Task ended = applied(effects.changes());
        assertThat(ended.getStatus()).isEqualTo(TaskStatus.CANCELLED);
        assertThat(Codes.hasCoding(ended.getStatusReason(), Canonical.RULE, "R-CON-2")).isTrue();
    }

    private static org.hl7.fhir.r4.model.Communication sbar(String sender, String recipient) {
        org.hl7.fhir.r4.model.Communication c = new org.hl7.fhir.r4.model.Communication()
                .setStatus(org.hl7.fhir.r4.model.Communication.CommunicationStatus.COMPLETED)
                .setSubject(new Reference(Fixtures.PATIENT)).setSender(new Reference(sender));
        c.addRecipient(new Reference(recipient));
        c.addCategory().addCoding().setSystem(Canonical.COMMUNICATION_CATEGORY).setCode("sbar-handover");
        return c;
    }

    @Test
    void sbarHandoverToTheOtherPrincipalIsHeldWithoutConsent_R_CON_1() {
        facts.add(Fixtures.unit("ward", "region-ward"));
        facts.add(Fixtures.unit("ward2", "region-ward"));
        facts.add(Fixtures.unit("homecare", "municipal-home-care"));

        org.hl7.fhir.r4.model.Communication toMunicipality = sbar("Organization/ward", "Organization/homecare");
        assertThat(rules.amend(toMunicipality, Optional.empty(), facts)).isTrue();
        assertThat(toMunicipality.getStatus()).isEqualTo(org.hl7.fhir.r4.model.Communication.CommunicationStatus.ONHOLD);
        assertThat(rules.amend(sbar("Organization/ward", "Organization/ward2"), Optional.empty(), facts)).isFalse();
        facts.add(consent(Consent.ConsentProvisionType.PERMIT));
        assertThat(rules.amend(sbar("Organization/ward", "Organization/homecare"), Optional.empty(), facts)).isFalse();
    }

    @Test
    void anyTaskFromOnePrincipalToTheOtherIsHeldWithoutConsentButNotTheRulesOwn_R_CON_1() {
        facts.add(Fixtures.unit("ward", "region-ward"));
        facts.add(Fixtures.unit("homecare", "municipal-home-care"));
        facts.add(Fixtures.unit("homecare2", "municipal-home-care"));
        Task companion = new Task().setStatus(TaskStatus.REQUESTED).setCode(Codes.taskCode("companion-request"))
                .setFor(new Reference(Fixtures.PATIENT)).setRequester(new Reference("Organization/ward"))
                .setOwner(new Reference("Organization/homecare"));

        assertThat(rules.amend(companion.copy(), Optional.empty(), facts)).isTrue();
        assertThat(rules.amend(companion.copy().setRequester(new Reference("Organization/homecare2")), Optional.empty(), facts))
                .isFalse(); // within one principal
        assertThat(rules.amend(companion.copy().setCode(Codes.taskCode("assistance-limit-reminder")), Optional.empty(), facts))
                .isFalse(); // the rules' own follow-up
    }

    @Test
    void consentThatHasEndedCoversNothing_R_CON_1() {
        Consent ended = consent(Consent.ConsentProvisionType.PERMIT);
        ended.getProvision().getPeriod().setEndElement(new org.hl7.fhir.r4.model.DateTimeType("2026-11-24"));
        facts.add(ended);
        assertThat(rules.amend(enrolment(), Optional.empty(), facts)).isTrue();

        ended.getProvision().getPeriod().setEndElement(new org.hl7.fhir.r4.model.DateTimeType("2026-11-25")); // today: still valid
        assertThat(rules.amend(enrolment(), Optional.empty(), facts)).isFalse();
    }
}
