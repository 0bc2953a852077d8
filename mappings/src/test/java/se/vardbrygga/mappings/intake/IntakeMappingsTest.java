package se.vardbrygga.mappings.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Contract;
import org.hl7.fhir.r4.model.ChargeItem;
import se.vardbrygga.mappings.Codes;
import se.vardbrygga.mappings.rules.CommunicationRules;
import se.vardbrygga.mappings.rules.PersonalAssistance;

class IntakeMappingsTest {
    private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");
    private final IntakeKinds kinds = new IntakeKinds();
    private final AtomicInteger ids = new AtomicInteger();
    private final IntakeContext context = new IntakeContext(NOW, () -> "00000000-0000-0000-0000-00000000000" + ids.incrementAndGet());

    private MappedIntake map(String kind, String json) {
        return kinds.map(kind, json.replace('\'', '"').getBytes(StandardCharsets.UTF_8), context);
    }

    private static <T> List<T> resources(Bundle bundle, Class<T> type) {
        return bundle.getEntry().stream().map(BundleEntryComponent::getResource).filter(type::isInstance).map(type::cast).toList();
    }

    private static final String DELEGATION = "{'sender':{'hsaId':'SE2120009952-VB2401'},'patient':{'personnummer':'191212121212'},"
            + "'delegator':{'hsaId':'SE2120009952-R0301','name':'Karin Lind','unitHsaId':'SE2120009952-VB2401','licensedProfession':'nurse'},"
            + "'delegate':{'name':'Anna Berg','employerHsaId':'SE5590009915-VB3001'},"
            + "'task':'Sondmatning','decisionDate':'2026-11-20','validity':{'start':'2026-11-20','end':'2027-05-19'}}";

    @Test
    void When_DelegationMapped_Expect_TaskNamingDelegatorDelegatePeriodAndProvenance_R_DEL_4() {
        MappedIntake mapped = map("delegation", DELEGATION);

        Task task = resources(mapped.transaction(), Task.class).get(0);
        assertThat(Codes.hasCoding(task.getCode(), se.vardbrygga.profiles.Canonical.TASK_CODE, "delegation")).isTrue();
        assertThat(task.getRequester().getReference()).startsWith("urn:uuid:");
        assertThat(task.getOwner().getReference()).startsWith("urn:uuid:").isNotEqualTo(task.getRequester().getReference());
        assertThat(task.getRestriction().getPeriod().getEndElement().getValueAsString()).isEqualTo("2027-05-19");
        Provenance provenance = resources(mapped.transaction(), Provenance.class).get(0);
        assertThat(provenance.getActivity().getCodingFirstRep().getCode()).isEqualTo("delegation");
        assertThat(provenance.getAgentFirstRep().getWho().getReference()).endsWith("|SE2120009952-VB2401");
        assertThat(provenance.getTarget()).extracting(Reference::getReference).contains(
                mapped.transaction().getEntry().stream().filter(e -> e.getResource() instanceof Task).findFirst().orElseThrow().getFullUrl());
        assertThat(mapped.trace().units()).containsValues("sender.hsaId", "delegate.employerHsaId"); // the delegator unit is the sender here
    }

    @Test
    void When_DelegatorHasNoLicensedProfession_Expect_RejectedUnderTheField_R_DEL_4() {
        assertThatThrownBy(() -> map("delegation", DELEGATION.replace(",'licensedProfession':'nurse'", "")))
                .isInstanceOfSatisfying(IntakeRejected.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(err -> {
                            assertThat(err.field()).isEqualTo("delegator.licensedProfession");
                            assertThat(err.ruleId()).isEqualTo("R-DEL-4");
                        }));
    }

    @Test
    void When_FieldsMissingOrMalformed_Expect_EachNamed() {
        assertThatThrownBy(() -> map("delegation", DELEGATION.replace("'task':'Sondmatning',", "").replace("191212121212", "1912")))
                .isInstanceOfSatisfying(IntakeRejected.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactly("patient.personnummer", "task"));
    }

    @Test
    void When_ValidityPeriodTraced_Expect_InvariantReportedUnderValidityEnd_R_DEL_4() {
        MappedIntake mapped = map("delegation", DELEGATION);
        int taskEntry = mapped.transaction().getEntry().indexOf(mapped.transaction().getEntry().stream()
                .filter(e -> e.getResource() instanceof Task).findFirst().orElseThrow());

        assertThat(mapped.trace().field("Bundle.entry[" + taskEntry + "].Task", "Constraint failed: vb-del-max-year: ...", List.of("R-DEL-4")))
                .contains("validity.end");
        assertThat(mapped.trace().field("Bundle.entry[0].Patient.identifier[0].value", "check digit", List.of()))
                .contains("patient.personnummer");
        assertThat(mapped.trace().field("Bundle.entry[0].resource.identifier[0].value", "check digit", List.of())) // FHIRPath form
                .contains("patient.personnummer");
        assertThat(mapped.trace().field("Bundle.entry[" + taskEntry + "].resource.restriction.period.end", "", List.of()))
                .contains("validity");
    }

    @Test
    void When_SupportOnlyNeed_Expect_NoticeToTheClinicAndNoCompanionRequest_R_CMP_3() {
        MappedIntake mapped = map("companion-need", "{'sender':{'hsaId':'SE2120009952-VB2401'},'patient':{'samordningsnummer':'198704659849'},"
                + "'visitContext':'support-only','visit':{'unitHsaId':'SE2321009926-VB1101'},'need':'Diabetiker, ber inte om mat'}");

        assertThat(resources(mapped.transaction(), Task.class)).isEmpty();
        Communication notice = resources(mapped.transaction(), Communication.class).get(0);
        assertThat(notice.getPayloadFirstRep().getContentStringType().getValue()).isEqualTo("Diabetiker, ber inte om mat");
        assertThat(CommunicationRules.isOneWay(notice)).isFalse();
    }

    @Test
    void When_EmergencyNeed_Expect_RequestToTheExecutorAndOneWayInformation_R_COM_2() {
        MappedIntake mapped = map("companion-need", "{'sender':{'hsaId':'SE2120009952-VB2401'},'patient':{'personnummer':'191212121212'},"
                + "'visitContext':'emergency','visit':{'unitHsaId':'SE2321009918-VB1001'},'executor':{'hsaId':'SE2120009952-VB2401'},"
                + "'need':'Orolig, behöver stöd'}");

        assertThat(resources(mapped.transaction(), Task.class)).hasSize(1);
        assertThat(CommunicationRules.isOneWay(resources(mapped.transaction(), Communication.class).get(0))).isTrue();
    }

    @Test
    void When_PlannedVisitWithoutExecutorSupport_Expect_Rejected_R_CMP_2() {
        assertThatThrownBy(() -> map("companion-need", "{'sender':{'hsaId':'SE2321009926-VB1101'},"
                + "'patient':{'personnummer':'191212121212','hasExecutorSupport':false},'visitContext':'dental',"
                + "'executor':{'hsaId':'SE2120009952-VB2401'},'need':'Följe'}"))
                .isInstanceOfSatisfying(IntakeRejected.class, e -> assertThat(e.errors().get(0).ruleId()).isEqualTo("R-CMP-2"));
    }

    @Test
    void When_DischargeMapped_Expect_ConditionalUpdateOfTheEpisodeWithPersonalAssistance_R_PA_1() {
        MappedIntake mapped = map("admission", "{'sender':{'hsaId':'SE2321009918-VB1012'},'patient':{'personnummer':'191212121212'},"
                + "'episodeId':'V-1','event':'discharge','class':'inpatient','start':'2026-11-24T14:20:00+01:00',"
                + "'end':'2026-11-30T10:00:00+01:00','personalAssistance':{'executorHsaId':'SE5590009915-VB3001','compensationGranted':true}}");

        BundleEntryComponent entry = mapped.transaction().getEntry().stream()
                .filter(e -> e.getResource() instanceof Encounter).findFirst().orElseThrow();
        assertThat(entry.getRequest().getUrl()).isEqualTo("Encounter?identifier=" + AdmissionMapping.EPISODE + "|SE2321009918-VB1012/V-1");
        Encounter encounter = (Encounter) entry.getResource();
        assertThat(encounter.getStatus()).isEqualTo(Encounter.EncounterStatus.FINISHED);
        assertThat(PersonalAssistance.of(encounter)).hasValueSatisfying(pa -> assertThat(pa.compensationGranted()).isTrue());
    }

    @Test
    void When_DischargeWithoutEnd_Expect_EndNamed() {
        assertThatThrownBy(() -> map("admission", "{'sender':{'hsaId':'SE2321009918-VB1012'},'patient':{'personnummer':'191212121212'},"
                + "'episodeId':'V-1','event':'discharge','class':'inpatient','start':'2026-11-24T14:20:00+01:00'}"))
                .isInstanceOfSatisfying(IntakeRejected.class, e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("end"));
    }

    static final String HOME_VISIT = "{'sender':{'hsaId':'SE2321009959-VB1401'},'patient':{'personnummer':'191212121212'},"
            + "'orderingPhysician':{'hsaId':'SE2321009959-R0101','name':'Erik Nilsson','phone':'+46 90 000 42 10'},"
            + "'homeCareUnit':{'hsaId':'SE2120009952-VB2401'},'intervention':'wound-dressing','description':'Omläggning av bensår',"
            + "'period':{'start':'2026-12-01','end':'2026-12-21'},'visitsPerWeek':3,'consent':{'documented':true,'date':'2026-11-24'},"
            + "'prescriptionInNpo':true}";

    @Test
    void When_HomeVisitMapped_Expect_OrderTaskForTheUnitAndConsentCoveringIt_R_HV_4() {
        MappedIntake mapped = map("home-visit", HOME_VISIT);

        org.hl7.fhir.r4.model.ServiceRequest order = resources(mapped.transaction(), org.hl7.fhir.r4.model.ServiceRequest.class).get(0);
        assertThat(order.getCode().getCodingFirstRep().getCode()).isEqualTo("wound-dressing");
        assertThat(order.getOccurrencePeriod().getEndElement().getValueAsString()).isEqualTo("2026-12-21");
        Task visit = resources(mapped.transaction(), Task.class).get(0);
        assertThat(Codes.hasCoding(visit.getCode(), se.vardbrygga.profiles.Canonical.TASK_CODE, "home-visit")).isTrue();
        assertThat(visit.getOwner().getReference()).isEqualTo(order.getPerformerFirstRep().getReference());
        org.hl7.fhir.r4.model.Consent consent = resources(mapped.transaction(), org.hl7.fhir.r4.model.Consent.class).get(0);
        assertThat(consent.getProvision().getActor()).extracting(a -> a.getReference().getReference())
                .contains(order.getPerformerFirstRep().getReference());
        org.hl7.fhir.r4.model.PractitionerRole physician = resources(mapped.transaction(), org.hl7.fhir.r4.model.PractitionerRole.class).get(0);
        assertThat(physician.getTelecomFirstRep().getValue()).isEqualTo("+46 90 000 42 10");
        int consentIndex = mapped.transaction().getEntry().indexOf(mapped.transaction().getEntry().stream()
                .filter(e -> e.getResource() instanceof org.hl7.fhir.r4.model.Consent).findFirst().orElseThrow());
        int orderIndex = mapped.transaction().getEntry().indexOf(mapped.transaction().getEntry().stream()
                .filter(e -> e.getResource() instanceof org.hl7.fhir.r4.model.ServiceRequest).findFirst().orElseThrow());
        assertThat(consentIndex).as("the consent is written before the order the rules check").isLessThan(orderIndex);
        assertThat(resources(mapped.transaction(), Provenance.class).get(0).getActivity().getCodingFirstRep().getCode())
                .isEqualTo("home-visit");
    }

    @Test
    void When_ConsentOrPrescriptionNotDocumented_Expect_RejectedUnderTheField_R_HV_4() {
        assertThatThrownBy(() -> map("home-visit", HOME_VISIT.replace("'documented':true", "'documented':false")))
                .isInstanceOfSatisfying(IntakeRejected.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(f -> {
                            assertThat(f.field()).isEqualTo("consent.documented");
                            assertThat(f.ruleId()).isEqualTo("R-HV-4");
                        }));
        assertThatThrownBy(() -> map("home-visit", HOME_VISIT.replace("'prescriptionInNpo':true", "'prescriptionInNpo':false")))
                .isInstanceOfSatisfying(IntakeRejected.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("prescriptionInNpo"));
    }

    static final String SBAR_WITH_HOME_VISIT = "{'sender':{'hsaId':'SE2321009918-VB1012'},'recipient':{'hsaId':'SE2120009952-VB2401'},"
            + "'patient':{'personnummer':'191212121212'},'situation':'Utskrivningsklar idag','background':'Diabetes typ 2',"
            + "'assessment':'Såret läker','recommendation':'Omläggning tre gånger i veckan',"
            + "'homeVisit':{'orderingPhysician':{'hsaId':'SE2321009918-L0777','name':'Eva Ek','phone':'+46 54 000 00 00'},"
            + "'intervention':'wound-dressing','description':'Omläggning av bensår','period':{'start':'2026-12-01','end':'2026-12-21'},"
            + "'consent':{'documented':true},'prescriptionInNpo':true}}";

    @Test
    void When_SbarHandoverWithHomeVisitMapped_Expect_FourSectionsBasedOnTheOrderAboutTheTask_R_INFO_3() {
        MappedIntake mapped = map("sbar-handover", SBAR_WITH_HOME_VISIT);

        Communication handover = resources(mapped.transaction(), Communication.class).get(0);
        assertThat(handover.getPayload()).extracting(p -> ((org.hl7.fhir.r4.model.Coding) p.getExtensionByUrl(Codes.SBAR_SECTION_EXTENSION)
                .getValue()).getCode()).containsExactly("S", "B", "A", "R");
        String order = mapped.transaction().getEntry().stream()
                .filter(e -> e.getResource() instanceof org.hl7.fhir.r4.model.ServiceRequest).findFirst().orElseThrow().getFullUrl();
        String task = mapped.transaction().getEntry().stream()
                .filter(e -> e.getResource() instanceof Task).findFirst().orElseThrow().getFullUrl();
        assertThat(handover.getBasedOnFirstRep().getReference()).isEqualTo(order);
        assertThat(handover.getAboutFirstRep().getReference()).isEqualTo(task);
        assertThat(handover.getRecipientFirstRep().getReference()).endsWith("|SE2120009952-VB2401");
    }

    @Test
    void When_SbarHomeVisitWithoutConsent_Expect_RejectedUnderTheNestedField_R_HV_4() {
        assertThatThrownBy(() -> map("sbar-handover", SBAR_WITH_HOME_VISIT.replace("'documented':true", "'documented':false")))
                .isInstanceOfSatisfying(IntakeRejected.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("homeVisit.consent.documented"));
    }

    @Test
    void When_HomeCareAssignmentMapped_Expect_TaskWithTheNoteTheNeedsAndTheSendersId_R_INFO_2() {
        MappedIntake mapped = map("home-care-assignment", "{'sender':{'hsaId':'SE2321009959-VB1401'},'patient':{'personnummer':'194403279823'},"
                + "'physician':{'hsaId':'SE2321009959-R0101','name':'Anna Bergström'},'homeCareUnit':{'hsaId':'SE2120009952-VB2401'},"
                + "'assignmentId':'UH-1','reason':'Bensår','background':'Diabetes','status':'Opåverkad','orderedTreatment':'Omläggning',"
                + "'needs':['Omläggning av bensår','Blodsockerkontroll']}");

        Task task = resources(mapped.transaction(), Task.class).get(0);
        assertThat(task.getIdentifierFirstRep().getValue()).isEqualTo("SE2321009959-VB1401/UH-1");
        assertThat(task.getInput()).extracting(in -> in.getValue().primitiveValue())
                .containsExactly("Omläggning av bensår", "Blodsockerkontroll");
        assertThat(task.getNote()).hasSize(3);
        assertThat(task.getDescription()).isEqualTo("Bensår");
        BundleEntryComponent entry = mapped.transaction().getEntry().stream().filter(e -> e.getResource() instanceof Task).findFirst().orElseThrow();
        assertThat(entry.getRequest().getIfNoneExist()).contains("SE2321009959-VB1401/UH-1");
    }

    @Test
    void When_SipInvitationMapped_Expect_DraftSipWithAnActivityAndAnInvitationPerUnit_R_HC_4() {
        MappedIntake mapped = map("sip-invitation", "{'sender':{'hsaId':'SE2321009959-VB1401'},'patient':{'personnummer':'194403279823'},"
                + "'careContact':{'hsaId':'SE2321009959-R0102','name':'Lisa Holm'},'dischargeReadyDate':'2026-11-27','deadline':'2026-11-26',"
                + "'invited':[{'hsaId':'SE2120009952-VB2401','responsibility':'Omläggning'},{'hsaId':'SE2321009918-VB1012','responsibility':'Läkemedel'}],"
                + "'kartlaggning':{'reason':'Utskrivning','background':'Diabetes','status':'Opåverkad','orderedTreatment':'Omläggning'}}");

        org.hl7.fhir.r4.model.CarePlan sip = resources(mapped.transaction(), org.hl7.fhir.r4.model.CarePlan.class).get(0);
        assertThat(sip.getActivity()).hasSize(2);
        List<Task> invitations = resources(mapped.transaction(), Task.class);
        assertThat(invitations).hasSize(2).allSatisfy(t -> {
            assertThat(t.getRestriction().getPeriod().getEndElement().getValueAsString()).isEqualTo("2026-11-26");
            assertThat(t.getInputFirstRep().getValue().primitiveValue()).isEqualTo("2026-11-27");
        });
        assertThat(invitations).extracting(t -> t.getOwner().getReference())
                .containsExactly(sip.getActivity().get(0).getDetail().getPerformerFirstRep().getReference(),
                        sip.getActivity().get(1).getDetail().getPerformerFirstRep().getReference());
    }

    @Test
    void When_EscalationMapped_Expect_OneTaskPerEscalationIdWithItsLevelAndWhoStaysResponsible_R_ESC_1() {
        MappedIntake mapped = map("escalation", "{'sender':{'hsaId':'SE2120009952-VB2401'},'patient':{'personnummer':'194403279823'},"
                + "'otherUnit':{'hsaId':'SE2321009959-VB1401'},'escalationId':'OE-1','level':2,'disagreement':'Insulin',"
                + "'noticedFirst':'otherUnit'}");

        BundleEntryComponent entry = mapped.transaction().getEntry().stream().filter(e -> e.getResource() instanceof Task).findFirst().orElseThrow();
        assertThat(entry.getRequest().getMethod()).isEqualTo(Bundle.HTTPVerb.PUT);
        assertThat(entry.getRequest().getUrl()).contains("SE2120009952-VB2401/OE-1");
        Task task = (Task) entry.getResource();
        assertThat(task.getBusinessStatus().getCodingFirstRep().getCode()).isEqualTo("level-2");
        assertThat(task.getBusinessStatus().getText()).contains("unit managers");
        assertThat(((Reference) task.getInputFirstRep().getValue()).getReference()).isEqualTo(task.getOwner().getReference());
    }

    @Test
    void When_ConsentMapped_Expect_PermitForTheUnitsAndTheSenderOrADenial_R_CON_1_R_CON_2() {
        String json = "{'sender':{'hsaId':'SE2321009959-VB1401'},'patient':{'personnummer':'194403279823'},'decision':'%s',"
                + "'receivingUnits':[{'hsaId':'SE2120009952-VB2401'}],'period':{'start':'2026-11-25'}}";

        org.hl7.fhir.r4.model.Consent permit = resources(map("consent", json.formatted("permit")).transaction(),
                org.hl7.fhir.r4.model.Consent.class).get(0);
        assertThat(permit.getProvision().getType()).isEqualTo(org.hl7.fhir.r4.model.Consent.ConsentProvisionType.PERMIT);
        assertThat(permit.getProvision().getActor()).hasSize(2);
        org.hl7.fhir.r4.model.Consent denial = resources(map("consent", json.formatted("decline-home-care")).transaction(),
                org.hl7.fhir.r4.model.Consent.class).get(0);
        assertThat(denial.getProvision().getType()).isEqualTo(org.hl7.fhir.r4.model.Consent.ConsentProvisionType.DENY);
        assertThat(denial.getProvision().getActor()).hasSize(1);
    }

    @Test
    void When_DeviceFollowUpMapped_Expect_AssessmentAndAHandoverPartOfIt_R_AD_1() {
        MappedIntake mapped = map("device-follow-up", "{'sender':{'hsaId':'SE2321009918-VB1012'},'patient':{'personnummer':'191212121212'},"
                + "'prescriber':{'hsaId':'SE2321009918-A0031','name':'Maja Lind'},'device':'Rollator','a':3,'b':1,"
                + "'atDischarge':true,'receivingUnit':{'hsaId':'SE2120009952-VB2401'}}");

        List<Task> tasks = resources(mapped.transaction(), Task.class);
        assertThat(tasks).extracting(t -> t.getCode().getCodingFirstRep().getCode()).containsExactly("device-follow-up", "follow-up-handover");
        String assessment = mapped.transaction().getEntry().stream().filter(e -> e.getResource() == tasks.get(0)).findFirst().orElseThrow().getFullUrl();
        assertThat(tasks.get(1).getPartOfFirstRep().getReference()).isEqualTo(assessment);
        assertThatThrownBy(() -> map("device-follow-up", "{'sender':{'hsaId':'SE2321009918-VB1012'},'patient':{'personnummer':'191212121212'},"
                + "'prescriber':{'hsaId':'SE2321009918-A0031','name':'Maja Lind'},'device':'Rollator','a':3,'b':1,'atDischarge':true}"))
                .isInstanceOfSatisfying(IntakeRejected.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("receivingUnit"));
    }

    @Test
    void When_ServicePurchaseMapped_Expect_RequestForTheExecutorWithRegionTasksAndDeadline_R_TK_1() {
        MappedIntake mapped = map("service-purchase", "{'sender':{'hsaId':'SE2321009918-VB1012'},'patient':{'personnummer':'191212121212'},"
                + "'region':'varmland','executor':{'hsaId':'SE5590009915-VB3001'},'period':{'start':'2026-11-26','end':'2026-12-10'},"
                + "'daysAndTimes':'Alla dagar 08-20','partOfDay':'whole-day','tasks':[{'kind':'supervision','text':'Tillsyn'}],"
                + "'deadline':'2026-11-27','signAfterwards':true}");

        Task request = resources(mapped.transaction(), Task.class).get(0);
        assertThat(request.getCode().getCodingFirstRep().getCode()).isEqualTo("service-purchase-request");
        assertThat(request.getRestriction().getPeriod().getEndElement().getValueAsString()).isEqualTo("2026-11-27");
        assertThat(request.getDescription()).startsWith("Whole days");
        assertThat(request.getInput()).extracting(in -> in.getType().getCodingFirstRep().getCode())
                .containsExactly("region", "sign-afterwards", "purchased-task");
    }

    @Test
    void When_ServicePurchaseSignedBy_Expect_SignerRoleAsInput_R_TK_1() {
        MappedIntake mapped = map("service-purchase", "{'sender':{'hsaId':'SE2321009918-VB1012'},'patient':{'personnummer':'191212121212'},"
                + "'region':'varmland','executor':{'hsaId':'SE5590009915-VB3001'},'period':{'start':'2026-11-26','end':'2026-12-10'},"
                + "'daysAndTimes':'Alla dagar 08-20','partOfDay':'whole-day','tasks':[{'kind':'supervision','text':'Tillsyn'}],"
                + "'signedBy':{'hsaId':'SE2321009918-R0901','name':'Maria Ek'}}");

        Task request = resources(mapped.transaction(), Task.class).get(0);
        assertThat(request.getInput()).filteredOn(in -> in.getType().getCodingFirstRep().getCode().equals("signed-by"))
                .singleElement().satisfies(in -> assertThat(((Reference) in.getValue()).getReference()).startsWith("urn:uuid:"));
        assertThat(resources(mapped.transaction(), PractitionerRole.class)).hasSize(1);
    }

    @Test
    void When_AgreementMappedWithBothSignatures_Expect_ExecutedContractWithPartiesTermsAndMarks_R_TK_3_R_CMP_5() {
        String agreement = "{'agreementId':'TK-2023-001','sender':{'hsaId':'SE2321009918-VB1012'},'patient':{'personnummer':'191212121212'},"
                + "'region':'vastmanland','executor':{'hsaId':'SE5590009915-VB3001'},'period':{'start':'2023-03-01T00:00:00+01:00'},"
                + "'daysAndTimes':'Alla dagar 22-07','partOfDay':'part-of-day','tasks':[{'kind':'supervision','text':'Tillsyn'}],"
                + "'invoiceMarks':['ansvarsnummer 4711'],'signatures':[%s]}";
        String signatures = "{'party':'purchaser','signedBy':{'hsaId':'SE2321009918-R0901','name':'Maria Ek'},'signedAt':'2023-02-28T15:00:00+01:00'},"
                + "{'party':'executor','signedBy':{'hsaId':'SE5590009915-R0001','name':'Jonas Holm'},'signedAt':'2023-02-28T16:00:00+01:00'}";

        Contract executed = resources(map("service-purchase-agreement", agreement.formatted(signatures)).transaction(), Contract.class).get(0);
        Contract offered = resources(map("service-purchase-agreement", agreement.formatted("")).transaction(), Contract.class).get(0);

        assertThat(executed.getStatus()).isEqualTo(Contract.ContractStatus.EXECUTED);
        assertThat(offered.getStatus()).isEqualTo(Contract.ContractStatus.OFFERED);
        assertThat(executed.getSigner()).extracting(s -> s.getType().getCode()).containsExactly("GRANTEE", "GRANTOR");
        assertThat(executed.getTerm()).extracting(t -> t.getType().getCodingFirstRep().getCode()).containsExactly("days-and-times", "purchased-task");
        assertThat(executed.getTermFirstRep().getOffer().getParty()).extracting(p -> p.getRole().getCodingFirstRep().getCode())
                .containsExactly("purchaser", "executor");
        assertThat(executed.getExtensionByUrl(Codes.INVOICE_MARK).getValue().primitiveValue()).isEqualTo("ansvarsnummer 4711");
        assertThat(executed.getApplies().hasEnd()).isFalse(); // ends at discharge (R-TK-3)
    }

    @Test
    void When_HoursReported_Expect_OneChargeItemPerIntervalAgainstTheAgreement_R_TK_4() {
        MappedIntake mapped = map("reported-hours", "{'sender':{'hsaId':'SE5590009915-VB3001'},'agreementId':'TK-2023-001',"
                + "'hours':[{'reportId':'r1','start':'2023-03-10T22:00:00+01:00','end':'2023-03-11T06:30:00+01:00'},"
                + "{'reportId':'r2','start':'2023-03-11T08:00:00+01:00','end':'2023-03-11T16:30:00+01:00'}]}");

        List<ChargeItem> items = resources(mapped.transaction(), ChargeItem.class);
        assertThat(items).hasSize(2);
        assertThat(items.get(0).getSupportingInformationFirstRep().getReference())
                .isEqualTo("Contract?identifier=" + Codes.AGREEMENT_ID + "|TK-2023-001");
        assertThat(items.get(1).getIdentifierFirstRep().getValue()).isEqualTo("SE5590009915-VB3001/TK-2023-001/r2");
        assertThat(mapped.transaction().getEntry().get(0).getRequest().getIfNoneExist()).contains("SE5590009915-VB3001/TK-2023-001/r1");
    }
}
