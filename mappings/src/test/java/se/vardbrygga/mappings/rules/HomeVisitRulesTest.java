package se.vardbrygga.mappings.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static se.vardbrygga.mappings.rules.Fixtures.professional;
import static se.vardbrygga.mappings.rules.Fixtures.unit;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.vardbrygga.profiles.Canonical;

class HomeVisitRulesTest {
    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
    private final DomainRules rules = new DomainRules();
    private ListFacts facts;

    @BeforeEach
    void directory() {
        facts = new ListFacts(NOW);
        facts.add(unit("centre", "health-centre")).setName("Hälsocentralen Solbacken");
        facts.add(unit("ward", "region-ward"));
        facts.add(unit("homecare", "municipal-home-care"));
        facts.add(reachable(professional("gp", "centre", "physician")));
        facts.add(reachable(professional("ward-physician", "ward", "physician")));
        facts.add(professional("ward-physician-no-phone", "ward", "physician"));
        facts.add(professional("municipal-nurse", "homecare", "nurse"));
        facts.add(patient("adult", "191212121212"));
        facts.add(patient("child", "201506119815"));
        consent("adult", "Organization/homecare");
        consent("child", "Organization/homecare");
    }

    private static PractitionerRole reachable(PractitionerRole role) {
        role.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue("+46 90 000 00 00");
        return role;
    }

    private static Patient patient(String id, String personnummer) {
        Patient p = new Patient();
        p.setId(id);
        p.addIdentifier(new Identifier().setSystem(Canonical.PERSONNUMMER).setValue(personnummer));
        return p;
    }

    private void consent(String patient, String receiver) {
        Consent c = new Consent().setStatus(Consent.ConsentState.ACTIVE).setPatient(new Reference("Patient/" + patient));
        c.setId("consent-" + patient);
        c.getProvision().setType(Consent.ConsentProvisionType.PERMIT).addActor().setReference(new Reference(receiver));
        facts.add(c);
    }

    private static ServiceRequest order(String patient, String requesterRole, String intervention) {
        ServiceRequest sr = new ServiceRequest().setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE)
                .setIntent(ServiceRequest.ServiceRequestIntent.ORDER)
                .setSubject(new Reference("Patient/" + patient))
                .setRequester(new Reference("PractitionerRole/" + requesterRole))
                .setCode(new CodeableConcept(new Coding(Canonical.HOME_VISIT_INTERVENTION, intervention, null)));
        sr.addPerformer(new Reference("Organization/homecare"));
        sr.getOccurrencePeriod().setStart(Date.from(NOW)).setEnd(Date.from(NOW.plusSeconds(14 * 86400)));
        return sr;
    }

    private List<String> refusals(ServiceRequest order) {
        try {
            rules.onWrite(order, Optional.empty(), facts);
            return List.of();
        } catch (RuleViolationException e) {
            return e.violations().stream().map(v -> v.ruleId() + "@" + v.expression()).toList();
        }
    }

    @Test
    void primaryCareMayOrderAnyInterventionForAnAdult_R_HV_2() {
        assertThat(refusals(order("adult", "gp", "other"))).isEmpty();
    }

    @Test
    void municipalUnitCannotOrderAHomeVisit_R_HV_2() {
        assertThat(refusals(order("adult", "municipal-nurse", "wound-dressing"))).containsExactly("R-HV-2@ServiceRequest.requester");
    }

    @Test
    void specialisedCareOrdersOnlyTheListedInterventions_R_HV_3() {
        assertThat(refusals(order("adult", "ward-physician", "wound-dressing"))).isEmpty();
        assertThat(refusals(order("adult", "ward-physician", "sampling"))).isEmpty();
        assertThat(refusals(order("adult", "ward-physician", "other"))).containsExactly("R-HV-3@ServiceRequest.code");
    }

    @Test
    void specialisedCareMustGiveTheOrderingPhysiciansContact_R_HV_3() {
        assertThat(refusals(order("adult", "ward-physician-no-phone", "eye-drops")))
                .containsExactly("R-HV-3@ServiceRequest.requester");
    }

    @Test
    void childrenStayWithTheRegionsPrimaryCare_R_HC_1() {
        RuleViolationException e = null;
        try {
            rules.onWrite(order("child", "gp", "wound-dressing"), Optional.empty(), facts);
        } catch (RuleViolationException refused) {
            e = refused;
        }
        assertThat(e).isNotNull();
        assertThat(e.violations()).extracting(RuleViolation::ruleId).containsExactly("R-HC-1");
        assertThat(e.violations().get(0).message()).contains("Hälsocentralen Solbacken");
    }

    @Test
    void orderWithoutTheConsentOfThePatientIsRefused_R_HV_4() {
        facts.add(patient("no-consent", "194403279823"));

        assertThat(refusals(order("no-consent", "gp", "wound-dressing"))).containsExactly("R-HV-4@ServiceRequest.performer");
    }

    @Test
    void samordningsnummerGivesTheBirthDateWithDayMinusSixty_R_HC_1() {
        Patient p = new Patient();
        p.addIdentifier(new Identifier().setSystem(Canonical.SAMORDNINGSNUMMER).setValue("201506719815"));
        assertThat(BirthDates.of(p)).contains(java.time.LocalDate.of(2015, 6, 11));
    }
}
