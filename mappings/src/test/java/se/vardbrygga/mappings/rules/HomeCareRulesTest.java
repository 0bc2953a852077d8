package se.vardbrygga.mappings.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static se.vardbrygga.mappings.rules.Fixtures.professional;
import static se.vardbrygga.mappings.rules.Fixtures.unit;

import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.vardbrygga.mappings.Codes;

class HomeCareRulesTest {
    private final DomainRules rules = new DomainRules();
    private ListFacts facts;

    @BeforeEach
    void directory() {
        facts = new ListFacts(java.time.Instant.parse("2026-11-25T09:00:00Z"));
        facts.add(unit("centre", "health-centre"));
        facts.add(unit("ward", "region-ward"));
        facts.add(unit("homecare", "municipal-home-care"));
        facts.add(named(professional("gp", "centre", "physician")));
        facts.add(professional("gp-unnamed", "centre", "physician"));
        facts.add(named(professional("centre-nurse", "centre", "nurse")));
        facts.add(named(professional("ward-physician", "ward", "physician")));
    }

    private static PractitionerRole named(PractitionerRole role) {
        role.setPractitioner(new Reference("Practitioner/x").setDisplay("Erik Nilsson"));
        return role;
    }

    private static Task enrolment(String requester) {
        Task task = new Task().setStatus(TaskStatus.REQUESTED).setIntent(Task.TaskIntent.ORDER)
                .setCode(Codes.taskCode("home-care-assignment")).setFor(new Reference(Fixtures.PATIENT))
                .setRequester(new Reference("PractitionerRole/" + requester)).setOwner(new Reference("Organization/homecare"));
        task.addInput().setType(Codes.taskParameter("met-need")).setValue(new StringType("Omläggning av bensår"));
        task.setId("a1");
        return task;
    }

    private List<String> refusals(Task task, Optional<Resource> before) {
        try {
            rules.onWrite(task, before, facts);
            return List.of();
        } catch (RuleViolationException e) {
            return e.violations().stream().map(v -> v.ruleId() + "@" + v.expression()).toList();
        }
    }

    @Test
    void onlyThePrimaryCarePhysicianEnrolsOrDischarges_R_HC_2() {
        assertThat(refusals(enrolment("gp"), Optional.empty())).isEmpty();
        assertThat(refusals(enrolment("centre-nurse"), Optional.empty())).containsExactly("R-HC-2@Task.requester");
        assertThat(refusals(enrolment("ward-physician"), Optional.empty())).containsExactly("R-HC-2@Task.requester");

        Task enrolled = enrolment("gp").setStatus(TaskStatus.INPROGRESS);
        Task discharge = enrolled.copy().setStatus(TaskStatus.COMPLETED).setRequester(new Reference("PractitionerRole/ward-physician"));
        assertThat(refusals(discharge, Optional.of(enrolled))).containsExactly("R-HC-2@Task.requester");
    }

    @Test
    void enrolmentShowsWhichNeedsTheMunicipalityMeets_R_HC_2() {
        Task task = enrolment("gp");
        task.getInput().clear();

        assertThat(refusals(task, Optional.empty())).containsExactly("R-HC-2@Task.input");
    }

    @Test
    void enrolmentNamesThePhysician_R_INFO_2() {
        assertThat(refusals(enrolment("gp-unnamed"), Optional.empty())).containsExactly("R-INFO-2@Task.requester");
    }

    @Test
    void municipalAcceptanceGivesTheFirstVisitDate_R_INFO_2() {
        Task requested = enrolment("gp");
        Task accepted = requested.copy().setStatus(TaskStatus.ACCEPTED);

        assertThat(refusals(accepted, Optional.of(requested))).containsExactly("R-INFO-2@Task.output");
        accepted.addOutput().setType(Codes.taskParameter("first-visit-date")).setValue(new DateType("2026-12-01"));
        assertThat(refusals(accepted, Optional.of(requested))).isEmpty();
    }
}
