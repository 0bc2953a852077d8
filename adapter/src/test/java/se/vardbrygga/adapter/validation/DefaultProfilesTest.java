package se.vardbrygga.adapter.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.vardbrygga.profiles.Canonical;
import se.vardbrygga.profiles.ProfilePackage;

class DefaultProfilesTest {

    @ParameterizedTest
    @CsvSource({"delegation, vb-delegation-task", "companion-request, vb-companion-request-task",
            "home-visit, vb-home-visit-task", "home-care-assignment, vb-home-care-assignment-task",
            "sip-invitation, vb-sip-invitation-task", "service-purchase-request, vb-service-purchase-request-task",
            "delegation-review, vb-rule-follow-up-task", "assistance-limit-reminder, vb-rule-follow-up-task",
            "assistance-compensation-application, vb-rule-follow-up-task"})
    void When_TaskWithProjectCode_Expect_ItsProfile(String code, String profile) {
        Task task = new Task().setCode(new CodeableConcept(new Coding(Canonical.TASK_CODE, code, null)));
        assertThat(DefaultProfiles.of(task)).contains(ProfilePackage.profile(profile));
    }

    @Test
    void When_TaskCodeFromAnotherSystem_Expect_NoDefaultProfile() {
        Task task = new Task().setCode(new CodeableConcept(new Coding("http://example.org/codes", "delegation", null)));
        assertThat(DefaultProfiles.of(task)).isEmpty();
    }

    @Test
    void When_CarePlanAndCommunicationByCategory_Expect_Profiles() {
        CarePlan sip = new CarePlan();
        sip.addCategory(new CodeableConcept(new Coding(Canonical.CAREPLAN_CATEGORY, "sip", null)));
        Communication sbar = new Communication();
        sbar.addCategory(new CodeableConcept(new Coding(Canonical.COMMUNICATION_CATEGORY, "sbar-handover", null)));
        Communication supportNotice = new Communication();
        supportNotice.addCategory(new CodeableConcept(new Coding(Canonical.COMMUNICATION_CATEGORY, "support-notice", null)));
        Communication reply = new Communication();
        reply.addCategory(new CodeableConcept(new Coding(Canonical.COMMUNICATION_CATEGORY, "reply", null)));

        assertThat(DefaultProfiles.of(sip)).contains(ProfilePackage.profile("vb-sip-careplan"));
        assertThat(DefaultProfiles.of(sbar)).contains(ProfilePackage.profile("vb-sbar-communication"));
        assertThat(DefaultProfiles.of(supportNotice)).contains(ProfilePackage.profile("vb-support-notice-communication"));
        assertThat(DefaultProfiles.of(reply)).isEmpty();
    }

    @Test
    void When_TypeWithOneProfile_Expect_ItAndOthersNone() {
        assertThat(DefaultProfiles.of(new Patient())).contains(ProfilePackage.profile("vb-patient"));
        assertThat(DefaultProfiles.of(new DocumentReference())).isEmpty();
    }
}
