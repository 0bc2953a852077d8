package se.vardbrygga.mappings.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.vardbrygga.mappings.Codes;
import se.vardbrygga.profiles.Canonical;

class ResponsibleUnitTest {
    private ListFacts facts;
    private Patient adult;

    @BeforeEach
    void directory() {
        facts = new ListFacts(Instant.parse("2026-11-25T09:00:00Z"));
        facts.add(Fixtures.unit("centre", "health-centre"));
        facts.add(Fixtures.unit("homecare", "municipal-home-care"));
        adult = patient("p1", "191212121212");
    }

    private Patient patient(String id, String personnummer) {
        Patient p = new Patient();
        p.setId(id);
        p.addIdentifier(new Identifier().setSystem(Canonical.PERSONNUMMER).setValue(personnummer));
        p.addGeneralPractitioner(new Reference("Organization/centre"));
        return facts.add(p);
    }

    private Task task(String id, String code, Task.TaskStatus status) {
        Task t = new Task().setStatus(status).setCode(Codes.taskCode(code)).setFor(new Reference("Patient/p1"))
                .setOwner(new Reference("Organization/homecare"));
        t.setId(id);
        return facts.add(t);
    }

    @Test
    void withoutEnrolmentTheHealthCentreIsResponsible_R_HC_3() {
        ResponsibleUnit.Answer answer = ResponsibleUnit.of(adult, facts);

        assertThat(answer.principal()).isEqualTo("region");
        assertThat(answer.units()).extracting(Reference::getReference).containsExactly("Organization/centre");
        assertThat(answer.rules()).containsExactly("R-HC-3");
    }

    @Test
    void enrolledPatientIsTheMunicipalitys_R_HC_1() {
        task("a1", "home-care-assignment", Task.TaskStatus.ACCEPTED);

        ResponsibleUnit.Answer answer = ResponsibleUnit.of(adult, facts);

        assertThat(answer.principal()).isEqualTo("municipality");
        assertThat(answer.units()).extracting(Reference::getReference).containsExactly("Organization/homecare");
    }

    @Test
    void childStaysWithTheRegionEvenWhenEnrolled_R_GV_4() {
        Patient child = patient("p1", "201506119815");
        task("a1", "home-care-assignment", Task.TaskStatus.ACCEPTED);

        assertThat(ResponsibleUnit.of(child, facts).rules()).containsExactly("R-HC-1", "R-GV-4");
        assertThat(ResponsibleUnit.of(child, facts).principal()).isEqualTo("region");
    }

    @Test
    void sipSaysWhoDoesWhat_R_HC_4() {
        task("a1", "home-care-assignment", Task.TaskStatus.ACCEPTED);
        CarePlan sip = new CarePlan().setStatus(CarePlan.CarePlanStatus.ACTIVE).setSubject(new Reference("Patient/p1"));
        sip.setId("sip");
        sip.addCategory(new CodeableConcept(new Coding(Canonical.CAREPLAN_CATEGORY, "sip", null)));
        sip.addActivity().getDetail().addPerformer(new Reference("Organization/centre"));
        sip.addActivity().getDetail().addPerformer(new Reference("Organization/homecare"));
        facts.add(sip);

        ResponsibleUnit.Answer answer = ResponsibleUnit.of(adult, facts);

        assertThat(answer.rules()).containsExactly("R-HC-4");
        assertThat(answer.units()).extracting(Reference::getReference).containsExactly("Organization/centre", "Organization/homecare");
    }

    @Test
    void whileADisagreementIsOpenWhoNoticedFirstStaysResponsible_R_ESC_1() {
        task("a1", "home-care-assignment", Task.TaskStatus.ACCEPTED);
        Task escalation = task("e1", "escalation", Task.TaskStatus.INPROGRESS);
        escalation.addInput().setType(Codes.taskParameter("responsible-until-agreed")).setValue(new Reference("Organization/centre"));

        ResponsibleUnit.Answer answer = ResponsibleUnit.of(adult, facts);

        assertThat(answer.rules()).containsExactly("R-ESC-1", "R-HC-4");
        assertThat(answer.principal()).isEqualTo("region");
        assertThat(answer.units()).extracting(Reference::getReference).containsExactly("Organization/centre");
    }
}
