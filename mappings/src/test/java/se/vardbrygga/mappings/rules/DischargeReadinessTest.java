package se.vardbrygga.mappings.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Encounter.EncounterStatus;
import org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import se.vardbrygga.profiles.Canonical;

class DischargeReadinessTest {
    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
    private final DomainRules rules = new DomainRules();
    private final ListFacts facts = new ListFacts(NOW);

    private static Encounter stay(EncounterStatus status, boolean respirator) {
        Encounter e = Fixtures.inpatient("e1", status, NOW.minusSeconds(86400 * 10));
        if (respirator) {
            e.addReasonCode(new CodeableConcept(new Coding(Canonical.EXTENSIVE_CARE, "respirator", null)));
        }
        return e;
    }

    private void document(String id, String kind) {
        DocumentReference d = new DocumentReference().setStatus(DocumentReferenceStatus.CURRENT)
                .setSubject(new Reference(Fixtures.PATIENT))
                .setType(new CodeableConcept(new Coding(Canonical.DOCUMENT_KIND, kind, null)));
        d.setId(id);
        facts.add(d);
    }

    private void sip() {
        CarePlan sip = new CarePlan().setStatus(CarePlan.CarePlanStatus.ACTIVE).setSubject(new Reference(Fixtures.PATIENT));
        sip.setId("sip");
        sip.addCategory(new CodeableConcept(new Coding(Canonical.CAREPLAN_CATEGORY, "sip", null)));
        facts.add(sip);
    }

    @Test
    void targetGroupIsNotDischargedBeforeSipRiskAnalysisAndChecklist_R_GV_3() {
        Encounter ongoing = stay(EncounterStatus.INPROGRESS, true);
        Encounter discharge = stay(EncounterStatus.FINISHED, true);
        sip();
        document("d1", "risk-analysis");

        assertThatThrownBy(() -> rules.onWrite(discharge, Optional.of(ongoing), facts))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.violations()).extracting(RuleViolation::ruleId).containsExactly("R-GV-3");
                    assertThat(e.violations().get(0).message()).contains("discharge-checklist").doesNotContain("risk-analysis,");
                });

        document("d2", "discharge-checklist");
        rules.onWrite(discharge, Optional.of(ongoing), facts);
    }

    @Test
    void patientOutsideTheTargetGroupIsDischargedWithoutThem_R_GV_3() {
        rules.onWrite(stay(EncounterStatus.FINISHED, false), Optional.of(stay(EncounterStatus.INPROGRESS, false)), facts);
    }
}
