package se.vardbrygga.adapter.it;

import static org.assertj.core.api.Assertions.assertThat;
import static se.vardbrygga.adapter.it.Refusals.assertRefused;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.vardbrygga.adapter.config.AdapterConfig;
import se.vardbrygga.adapter.server.AdapterServer;

/**
 * The intake over HTTP with validation and rules on, against the demo directory: companion needs,
 * delegations and admissions, the rules they trigger, and bad documents refused under their field.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class IntakeContract {
    private static final String TASK_CODE = "http://vardbrygga.example/fhir/CodeSystem/task-code";
    private static final String WARD = "SE2321009918-VB1012";
    private static final String HOME_CARE = "SE2120009952-VB2401";
    private static final String ASSISTANCE = "SE5590009915-VB3001";
    private static final String CLINIC = "SE2321009926-VB1101";
    private static final String HEALTH_CENTRE = "SE2321009959-VB1401";
    private static final String EMERGENCY_DEPARTMENT = "SE2321009918-VB1001";
    private static final String MUNICIPAL_NURSE = "SE2120009952-R0301";

    private AdapterServer server;
    private FhirHttp fhir;
    private FhirHttp intake;

    abstract AdapterConfig.Database database();

    @BeforeAll
    void start() throws Exception {
        server = SeededAdapter.start(database(), Clock.systemUTC());
        fhir = new FhirHttp(server.baseUrl());
        intake = new FhirHttp(server.baseUrl().replace("/fhir", "/intake"));
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    private static String delegation(String personnummer, String delegatorHsa, String delegatorUnit, String profession, String end) {
        return ("{'sender':{'hsaId':'%s'},'patient':{'personnummer':'%s'},"
                + "'delegator':{'hsaId':'%s','name':'Karin Lind','unitHsaId':'%s'%s},"
                + "'delegate':{'name':'Anna Berg','employerHsaId':'%s'},"
                + "'task':'Sondmatning via PEG','decisionDate':'2026-11-20','validity':{'start':'2026-11-20','end':'%s'}}")
                .formatted(delegatorUnit, personnummer, delegatorHsa, delegatorUnit,
                        profession == null ? "" : ",'licensedProfession':'" + profession + "'", ASSISTANCE, end);
    }

    private static String admission(String personnummer, String episode, String event) {
        return ("{'sender':{'hsaId':'%s'},'patient':{'personnummer':'%s'},'episodeId':'%s','event':'%s','class':'inpatient',"
                + "'start':'2026-11-24T14:20:00+01:00'%s}")
                .formatted(WARD, personnummer, episode, event, event.equals("discharge") ? ",'end':'2026-11-30T10:00:00+01:00'" : "");
    }

    private String createdId(FhirHttp.Response r, String type) {
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.createdId(type);
    }

    private Task task(String id) {
        return fhir.get("Task/" + id).as(Task.class);
    }

    private int count(String query) {
        return fhir.count(query);
    }

    @Test
    void When_SchemaRequested_Expect_JsonSchemaOfTheKind() {
        FhirHttp.Response r = intake.get("schemas/delegation.json");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("\"$schema\"").contains("licensedProfession");
        assertThat(intake.get("schemas/nothing.json").status()).isEqualTo(404);
    }

    @Test
    void When_CompanionNeedReceived_Expect_CarePlanTaskForTheExecutorAndProvenance_R_CMP_1() {
        FhirHttp.Response r = intake.postJson("companion-need", ("{'sender':{'hsaId':'%s'},'patient':{'personnummer':'194403279823'},"
                + "'visitContext':'planned-outpatient','visit':{'unitHsaId':'%s','start':'2026-12-02T09:00:00+01:00'},"
                + "'executor':{'hsaId':'%s'},'need':'Behöver medföljare som känner patienten'}").formatted(HOME_CARE, CLINIC, HOME_CARE));

        String taskId = createdId(r, "Task");
        Task request = task(taskId);
        assertThat(request.getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
        assertThat(request.getFocus().getReference()).startsWith("CarePlan/");
        assertThat(count("Provenance?target=Task/" + taskId + "&activity=http://vardbrygga.example/fhir/CodeSystem/intake-kind|companion-need")).isEqualTo(1);
    }

    @Test
    void When_CompanionExecutorIsARegionUnit_Expect_422UnderExecutor_R_CMP_1() {
        FhirHttp.Response r = intake.postJson("companion-need", ("{'sender':{'hsaId':'%s'},'patient':{'personnummer':'194403279823'},"
                + "'visitContext':'dental','executor':{'hsaId':'%s'},'need':'Följe till tandvården'}").formatted(HOME_CARE, WARD));

        assertRefused(r, "executor.hsaId", "R-CMP-1");
    }

    @Test
    void wardFlagsAnInpatientCompanionNeedAndTheMunicipalityMayDecline_R_CMP_5_R_CMP_7() {
        assertThat(intake.postJson("consent", consent("201506119815", "permit").replace(HEALTH_CENTRE, WARD)).status()).isEqualTo(201);
        String id = createdId(intake.postJson("companion-need", ("{'sender':{'hsaId':'%s'},'patient':{'personnummer':'201506119815'},"
                + "'visitContext':'inpatient','executor':{'hsaId':'%s'},'need':'Behöver någon som känner patienten'}")
                .formatted(WARD, HOME_CARE)), "Task");
        Task request = task(id);
        assertThat(request.getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
        assertThat(request.getOwner().getReference()).isNotBlank();

        Task declined = request.copy().setStatus(Task.TaskStatus.REJECTED);
        FhirHttp.Response withoutReason = fhir.put("Task/" + id, declined);
        assertThat(withoutReason.status()).as(withoutReason.body()).isEqualTo(422);
        assertThat(withoutReason.body()).contains("R-CMP-7");
        declined.setStatusReason(new CodeableConcept().setText("Ingen personal som känner patienten är tillgänglig"));
        FhirHttp.Response withReason = fhir.put("Task/" + id, declined);
        assertThat(withReason.status()).as(withReason.body()).isEqualTo(200);
        assertThat(task(id).getStatus()).isEqualTo(Task.TaskStatus.REJECTED);
    }

    @Test
    void When_SupportOnlyNeed_Expect_SupportNoticeToTheClinic_R_CMP_3() {
        FhirHttp.Response r = intake.postJson("companion-need", ("{'sender':{'hsaId':'%s'},'patient':{'personnummer':'194403279823'},"
                + "'visitContext':'support-only','visit':{'unitHsaId':'%s'},'need':'Diabetiker, ber inte själv om mat'}")
                .formatted(HOME_CARE, CLINIC));

        String id = createdId(r, "Communication");
        assertThat(fhir.get("Communication/" + id).body()).contains("support-notice").doesNotContain("vb-one-way");
    }

    private String companionNeed(String samordningsnummer, String visitContext, String visitUnit) {
        return createdId(intake.postJson("companion-need", ("{'sender':{'hsaId':'%s'},'patient':{'samordningsnummer':'%s'},"
                + "'visitContext':'%s','visit':{'unitHsaId':'%s'},'executor':{'hsaId':'%s'},'need':'Behöver stöd av känd personal'}")
                .formatted(HOME_CARE, samordningsnummer, visitContext, visitUnit, HOME_CARE)), "Task");
    }

    @Test
    void companionRequestsEndWhenThePatientIsAdmitted_R_CMP_4_R_CMP_6() {
        String pnr = "198704659849";
        String emergency = companionNeed(pnr, "emergency", EMERGENCY_DEPARTMENT);
        String withPatient = companionNeed(pnr, "planned-outpatient", CLINIC);
        Task started = task(withPatient).setStatus(Task.TaskStatus.INPROGRESS);
        assertThat(fhir.put("Task/" + withPatient, started).status()).isEqualTo(200);

        FhirHttp.Response admitted = intake.postJson("admission", ("{'sender':{'hsaId':'%s'},'patient':{'samordningsnummer':'%s'},"
                + "'episodeId':'E-7','event':'admission','class':'inpatient','start':'2026-11-24T18:05:00+01:00'}").formatted(WARD, pnr));
        assertThat(admitted.status()).as(admitted.body()).isEqualTo(201);

        Task cancelled = task(emergency); // R-CMP-4: the companion was wanted until admission
        assertThat(cancelled.getStatus()).isEqualTo(Task.TaskStatus.CANCELLED);
        assertThat(cancelled.getStatusReason().getCodingFirstRep().getCode()).isEqualTo("R-CMP-4");
        Task completed = task(withPatient); // R-CMP-6: the region has the responsibility now
        assertThat(completed.getStatus()).isEqualTo(Task.TaskStatus.COMPLETED);
        assertThat(completed.getStatusReason().getCodingFirstRep().getCode()).isEqualTo("R-CMP-6");
        assertThat(count("Provenance?target=Task/" + emergency)).isEqualTo(2); // the intake's and the rule's
    }

    @Test
    void delegationEndsAtAdmissionAndIsReviewedAtDischarge_R_DEL_1() {
        String first = createdId(intake.postJson("delegation", delegation("191212121212", MUNICIPAL_NURSE, HOME_CARE, "nurse", "2027-05-19")), "Task");
        String second = createdId(intake.postJson("delegation", delegation("191212121212", MUNICIPAL_NURSE, HOME_CARE, "nurse", "2027-02-19")), "Task");

        String encounter = createdId(intake.postJson("admission", admission("191212121212", "V-1", "admission")), "Encounter");

        for (String id : List.of(first, second)) {
            Task ended = task(id);
            assertThat(ended.getStatus()).isEqualTo(Task.TaskStatus.CANCELLED);
            assertThat(ended.getStatusReason().getCodingFirstRep().getCode()).isEqualTo("R-DEL-1");
            assertThat(count("Provenance?target=Task/" + id)).isEqualTo(2); // the intake's and the rule's
        }
        // during the stay the municipality cannot delegate (R-DEL-1) ...
        assertRefused(intake.postJson("delegation", delegation("191212121212", MUNICIPAL_NURSE, HOME_CARE, "nurse", "2027-01-19")),
                "delegator.unitHsaId", "R-DEL-1");
        // ... and at discharge it is asked to decide on new delegations: nothing is restored silently
        FhirHttp.Response discharge = intake.postJson("admission", admission("191212121212", "V-1", "discharge"));
        assertThat(discharge.status()).as(discharge.body()).isEqualTo(201);
        Bundle reviews = fhir.get("Task?code=" + TASK_CODE + "|delegation-review&focus=Encounter/" + encounter).as(Bundle.class);
        assertThat(reviews.getEntry()).hasSize(1);
        Task review = (Task) reviews.getEntryFirstRep().getResource();
        assertThat(review.getInput()).hasSize(2);
        assertThat(task(first).getStatus()).isEqualTo(Task.TaskStatus.CANCELLED);
    }

    @Test
    void regionMayDelegateDuringTheStay_R_DEL_2() {
        createdId(intake.postJson("admission", admission("201506119815", "V-2", "admission")), "Encounter");

        String id = createdId(intake.postJson("delegation", delegation("201506119815", "SE2321009918-R0201", WARD, "nurse", "2026-12-20")), "Task");

        assertThat(task(id).getStatus()).isEqualTo(Task.TaskStatus.ACCEPTED);
    }

    @Test
    void twoAdmissionsAtOnceEndEachDelegationExactlyOnce_R_DEL_1() throws Exception {
        String pnr = "194403279823";
        List<String> delegations = List.of(
                createdId(intake.postJson("delegation", delegation(pnr, MUNICIPAL_NURSE, HOME_CARE, "nurse", "2027-05-01")), "Task"),
                createdId(intake.postJson("delegation", delegation(pnr, MUNICIPAL_NURSE, HOME_CARE, "nurse", "2027-06-01")), "Task"),
                createdId(intake.postJson("delegation", delegation(pnr, MUNICIPAL_NURSE, HOME_CARE, "nurse", "2027-07-01")), "Task"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<FhirHttp.Response>> admissions = List.of("C-1", "C-2").stream()
                    .map(episode -> pool.submit(() -> {
                        go.await();
                        return intake.postJson("admission", admission(pnr, episode, "admission"));
                    })).toList();
            go.countDown();
            for (Future<FhirHttp.Response> f : admissions) {
                FhirHttp.Response r = f.get();
                assertThat(r.status()).as(r.body()).isEqualTo(201);
            }
        } finally {
            pool.shutdownNow();
        }
        for (String id : delegations) {
            assertThat(task(id).getStatus()).isEqualTo(Task.TaskStatus.CANCELLED);
            assertThat(task(id).getMeta().getVersionId()).isEqualTo("2");
            assertThat(count("Provenance?target=Task/" + id)).isEqualTo(2);
        }
    }

    private static String homeVisit(String senderHsa, String physicianHsa, String personnummer, String intervention, String end) {
        return ("{'sender':{'hsaId':'%s'},'patient':{'personnummer':'%s'},"
                + "'orderingPhysician':{'hsaId':'%s','name':'Erik Nilsson','phone':'+46 90 000 42 10'},"
                + "'homeCareUnit':{'hsaId':'%s'},'intervention':'%s','description':'Omläggning av bensår',"
                + "'period':{'start':'2026-12-01','end':'%s'},'consent':{'documented':true},'prescriptionInNpo':true}")
                .formatted(senderHsa, personnummer, physicianHsa, HOME_CARE, intervention, end);
    }

    @Test
    void healthCentreOrdersHomeVisitsTheUnitGetsTheTask_R_HV_2() {
        String order = createdId(intake.postJson("home-visit", homeVisit(HEALTH_CENTRE, "SE2321009959-R0101", "191212121212", "other", "2026-12-21")),
                "ServiceRequest");

        Bundle tasks = fhir.get("Task?code=" + TASK_CODE + "|home-visit&focus=ServiceRequest/" + order).as(Bundle.class);
        assertThat(tasks.getEntry()).hasSize(1);
        Task visit = (Task) tasks.getEntryFirstRep().getResource();
        assertThat(visit.getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
        assertThat(count("Consent?patient=" + visit.getFor().getReference() + "&actor=" + visit.getOwner().getReference())).isPositive();
    }

    @Test
    void wardOrdersOnlyTheListedInterventions_R_HV_3() {
        assertThat(intake.postJson("home-visit", homeVisit(WARD, "SE2321009918-L0777", "191212121212", "eye-drops", "2026-12-14")).status())
                .isEqualTo(201);
        int orders = count("ServiceRequest");

        assertRefused(intake.postJson("home-visit", homeVisit(WARD, "SE2321009918-L0777", "191212121212", "other", "2026-12-14")),
                "intervention", "R-HV-3");
        assertThat(count("ServiceRequest")).isEqualTo(orders);
    }

    private static String sbarWithHomeVisit(String intervention) {
        return ("{'sender':{'hsaId':'%s'},'recipient':{'hsaId':'%s'},'patient':{'personnummer':'191212121212'},"
                + "'situation':'Utskrivningsklar idag','background':'Diabetes typ 2','assessment':'Såret läker',"
                + "'recommendation':'Omläggning tre gånger i veckan','homeVisit':{'orderingPhysician':{'hsaId':'SE2321009918-L0778',"
                + "'name':'Eva Ek','phone':'+46 54 000 00 00'},'intervention':'%s','description':'Omläggning av bensår',"
                + "'period':{'start':'2026-12-01','end':'2026-12-21'},'consent':{'documented':true},'prescriptionInNpo':true}}")
                .formatted(WARD, HOME_CARE, intervention);
    }

    @Test
    void sbarHandoverOrdersTheSingleHomeVisitAndTheUnitAcknowledges_R_INFO_3() {
        FhirHttp.Response r = intake.postJson("sbar-handover", sbarWithHomeVisit("wound-dressing"));
        String handover = createdId(r, "Communication");
        String taskId = r.createdId("Task");

        org.hl7.fhir.r4.model.Communication sbar = fhir.get("Communication/" + handover).as(org.hl7.fhir.r4.model.Communication.class);
        assertThat(sbar.getPayload()).hasSize(4);
        assertThat(sbar.getAboutFirstRep().getReference()).isEqualTo("Task/" + taskId);
        org.hl7.fhir.r4.model.Parameters firstVisit = new org.hl7.fhir.r4.model.Parameters();
        firstVisit.addParameter().setName("firstVisitDate").setValue(new org.hl7.fhir.r4.model.DateType("2026-12-01"));
        FhirHttp.Response acknowledged = fhir.post("Task/" + taskId + "/$acknowledge", firstVisit);
        assertThat(acknowledged.status()).as(acknowledged.body()).isEqualTo(200);
        Task visit = task(taskId);
        assertThat(visit.getStatus()).isEqualTo(Task.TaskStatus.ACCEPTED);
        assertThat(visit.getBusinessStatus().getCodingFirstRep().getCode()).isEqualTo("acknowledged");
        assertThat(visit.getOutputFirstRep().getValue().primitiveValue()).isEqualTo("2026-12-01");
        assertThat(fhir.post("Task/" + taskId + "/$acknowledge", firstVisit).status()).isEqualTo(412); // once
    }

    @Test
    void When_SbarOrdersAnInterventionSpecialisedCareMayNot_Expect_422UnderTheNestedFieldAndNothingStored_R_HV_3() {
        int handovers = count("Communication");

        assertRefused(intake.postJson("sbar-handover", sbarWithHomeVisit("other")), "homeVisit.intervention", "R-HV-3");

        assertThat(count("Communication")).isEqualTo(handovers);
    }

    private static String assignment(String senderHsa, String physicianHsa, String assignmentId) {
        return ("{'sender':{'hsaId':'%s'},'patient':{'personnummer':'194403279823'},'physician':{'hsaId':'%s','name':'Anna Bergström'},"
                + "'homeCareUnit':{'hsaId':'%s'},'assignmentId':'%s','reason':'Bensår som behöver omläggning',"
                + "'background':'Diabetes typ 2','status':'Opåverkad','orderedTreatment':'Omläggning tre gånger i veckan',"
                + "'needs':['Omläggning av bensår','Blodsockerkontroll']}").formatted(senderHsa, physicianHsa, HOME_CARE, assignmentId);
    }

    private static String consent(String personnummer, String decision) {
        return ("{'sender':{'hsaId':'%s'},'patient':{'personnummer':'%s'},'decision':'%s','receivingUnits':[{'hsaId':'%s'}],"
                + "'period':{'start':'2026-11-25','end':'2027-11-24'},'date':'2026-11-25'}")
                .formatted(HEALTH_CENTRE, personnummer, decision, HOME_CARE);
    }

    @Test
    void enrolmentIsHeldUntilTheConsentThenAcceptedWithTheFirstVisitDate_R_CON_1_R_HC_2_R_INFO_2() {
        String pnr = "196307182342";
        String id = createdId(intake.postJson("home-care-assignment", assignment(HEALTH_CENTRE, "SE2321009959-R0101", "UH-1")
                .replace("194403279823", pnr)), "Task");
        Task held = task(id);
        assertThat(held.getInput()).hasSize(2);
        assertThat(held.getStatus()).isEqualTo(Task.TaskStatus.ONHOLD); // no consent covers the unit yet (R-CON-1)
        assertThat(held.getBusinessStatus().getCodingFirstRep().getCode()).isEqualTo("R-CON-1");
        FhirHttp.Response again = intake.postJson("home-care-assignment", assignment(HEALTH_CENTRE, "SE2321009959-R0101", "UH-1")
                .replace("194403279823", pnr));
        assertThat(again.createdId("Task")).isEqualTo(id); // the same assignment, not a second one
        FhirHttp.Response acceptedWhileHeld = fhir.put("Task/" + id, held.copy().setStatus(Task.TaskStatus.ACCEPTED));
        assertThat(acceptedWhileHeld.status()).as(acceptedWhileHeld.body()).isEqualTo(422);
        assertThat(acceptedWhileHeld.body()).contains("R-CON-1");
        FhirHttp.Response acknowledgedWhileHeld = fhir.post("Task/" + id + "/$acknowledge", new org.hl7.fhir.r4.model.Parameters());
        assertThat(acknowledgedWhileHeld.status()).isIn(412, 422); // on-hold is neither requested nor received

        assertThat(intake.postJson("consent", consent(pnr, "permit")).status()).isEqualTo(201);

        Task released = task(id);
        assertThat(released.getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
        assertThat(count("Provenance?target=Task/" + id + "&activity=http://terminology.hl7.org/CodeSystem/v3-DataOperation|UPDATE"))
                .isEqualTo(1); // the release by the consent, beside the two intakes
        Task accepted = released.copy().setStatus(Task.TaskStatus.ACCEPTED);
        FhirHttp.Response withoutDate = fhir.put("Task/" + id, accepted);
        assertThat(withoutDate.status()).as(withoutDate.body()).isEqualTo(422);
        assertThat(withoutDate.body()).contains("R-INFO-2");
        accepted.addOutput().setValue(new org.hl7.fhir.r4.model.DateType("2026-12-02")).getType().addCoding()
                .setSystem("http://vardbrygga.example/fhir/CodeSystem/task-parameter-type").setCode("first-visit-date");
        FhirHttp.Response withDate = fhir.put("Task/" + id, accepted);
        assertThat(withDate.status()).as(withDate.body()).isEqualTo(200);
    }

    @Test
    void sbarToTheMunicipalityWaitsForTheConsent_R_CON_1() {
        String pnr = "194803123456";
        String sbar = ("{'sender':{'hsaId':'%s'},'recipient':{'hsaId':'%s'},'patient':{'personnummer':'%s'},"
                + "'situation':'Utskrivningsklar','background':'KOL','assessment':'Stabil','recommendation':'Tillsyn'}")
                .formatted(WARD, HOME_CARE, pnr);
        String id = createdId(intake.postJson("sbar-handover", sbar), "Communication");
        org.hl7.fhir.r4.model.Communication held = fhir.get("Communication/" + id).as(org.hl7.fhir.r4.model.Communication.class);
        assertThat(held.getStatus()).isEqualTo(org.hl7.fhir.r4.model.Communication.CommunicationStatus.ONHOLD);
        assertThat(held.getStatusReason().getCodingFirstRep().getCode()).isEqualTo("R-CON-1");

        assertThat(intake.postJson("consent", consent(pnr, "permit")).status()).isEqualTo(201);

        assertThat(fhir.get("Communication/" + id).as(org.hl7.fhir.r4.model.Communication.class).getStatus())
                .isEqualTo(org.hl7.fhir.r4.model.Communication.CommunicationStatus.COMPLETED);
    }

    @Test
    void declinedHomeHealthCareIsDocumentedAndNotTransferred_R_CON_2() {
        String pnr = "197010102395";
        String id = createdId(intake.postJson("home-care-assignment", assignment(HEALTH_CENTRE, "SE2321009959-R0101", "UH-9")
                .replace("194403279823", pnr)), "Task");
        assertThat(task(id).getStatus()).isEqualTo(Task.TaskStatus.ONHOLD);

        String consentId = createdId(intake.postJson("consent", consent(pnr, "decline-home-care")), "Consent");

        Task ended = task(id);
        assertThat(ended.getStatus()).isEqualTo(Task.TaskStatus.CANCELLED);
        assertThat(ended.getStatusReason().getCodingFirstRep().getCode()).isEqualTo("R-CON-2");
        assertThat(fhir.get("Consent/" + consentId).body()).contains("\"deny\"");
    }

    @Test
    void When_AWardNurseEnrols_Expect_422UnderThePhysicianAndNothingStored_R_HC_2() {
        int tasks = count("Task");

        assertRefused(intake.postJson("home-care-assignment", assignment(WARD, "SE2321009918-R0201", "UH-2")), "physician.hsaId", "R-HC-2");

        assertThat(count("Task")).isEqualTo(tasks);
    }

    private static String sipInvitation(String deadline) {
        return ("{'sender':{'hsaId':'%s'},'patient':{'personnummer':'194403279823'},'careContact':{'hsaId':'SE2321009959-R0102',"
                + "'name':'Lisa Holm'},'dischargeReadyDate':'2026-11-27','deadline':'%s','invited':[{'hsaId':'%s',"
                + "'responsibility':'Omläggning av bensår'}],'kartlaggning':{'reason':'Utskrivning efter erysipelas',"
                + "'background':'Diabetes typ 2','status':'Opåverkad','orderedTreatment':'Omläggning'}}").formatted(HEALTH_CENTRE, deadline, HOME_CARE);
    }

    @Test
    void sipInvitationAtTheLatestOnTheDischargeReadyDate_R_INFO_1() {
        String id = createdId(intake.postJson("sip-invitation", sipInvitation("2026-11-26")), "Task");
        assertThat(task(id).getFocus().getReference()).startsWith("CarePlan/");
        int carePlans = count("CarePlan");

        assertRefused(intake.postJson("sip-invitation", sipInvitation("2026-11-30")), "deadline", "R-INFO-1");

        assertThat(count("CarePlan")).isEqualTo(carePlans);
    }

    private static String escalation(String id, int level) {
        return ("{'sender':{'hsaId':'%s'},'patient':{'personnummer':'194403279823'},'otherUnit':{'hsaId':'%s'},"
                + "'escalationId':'%s','level':%d,'disagreement':'Vem ger insulin dagligen','noticedFirst':'otherUnit'}")
                .formatted(HOME_CARE, HEALTH_CENTRE, id, level);
    }

    @Test
    void disagreementClimbsOneLevelAtATime_R_ESC_1() {
        FhirHttp.Response opened = intake.postJson("escalation", escalation("E-1", 1));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String id = opened.createdId("Task");
        FhirHttp.Response raised = intake.postJson("escalation", escalation("E-1", 2));
        assertThat(raised.status()).as(raised.body()).isIn(200, 201);
        Task atTwo = task(id);
        assertThat(atTwo.getBusinessStatus().getCodingFirstRep().getCode()).isEqualTo("level-2");
        assertThat(atTwo.getBusinessStatus().getText()).contains("unit managers");
        assertThat(((org.hl7.fhir.r4.model.Reference) atTwo.getInputFirstRep().getValue()).getReference()).startsWith("Organization/");

        assertRefused(intake.postJson("escalation", escalation("E-1", 1)), "level", "R-ESC-1"); // never back down
        assertRefused(intake.postJson("escalation", escalation("E-2", 2)), "level", "R-ESC-1"); // starts at level 1
        assertThat(task(id).getMeta().getVersionId()).isEqualTo("2");
    }

    @Test
    void respiratorPatientIsDischargedOnlyAfterSipRiskAnalysisAndChecklist_R_GV_3() {
        String pnr = "195502024465";
        String admit = ("{'sender':{'hsaId':'%s'},'patient':{'personnummer':'%s'},'episodeId':'G-1','event':'%s','class':'inpatient',"
                + "'start':'2026-11-10T10:00:00+01:00','extensiveCare':'respirator'%s}");
        String encounter = createdId(intake.postJson("admission", admit.formatted(WARD, pnr, "admission", "")), "Encounter");
        String discharge = admit.formatted(WARD, pnr, "discharge", ",'end':'2026-11-25T10:00:00+01:00'");

        assertRefused(intake.postJson("admission", discharge), "event", "R-GV-3");
        assertThat(fhir.get("Encounter/" + encounter).as(org.hl7.fhir.r4.model.Encounter.class).getStatus())
                .isEqualTo(org.hl7.fhir.r4.model.Encounter.EncounterStatus.INPROGRESS);

        String patient = fhir.get("Encounter/" + encounter).as(org.hl7.fhir.r4.model.Encounter.class).getSubject().getReference();
        org.hl7.fhir.r4.model.CarePlan sip = new org.hl7.fhir.r4.model.CarePlan()
                .setStatus(org.hl7.fhir.r4.model.CarePlan.CarePlanStatus.ACTIVE)
                .setIntent(org.hl7.fhir.r4.model.CarePlan.CarePlanIntent.PLAN).setSubject(new org.hl7.fhir.r4.model.Reference(patient));
        sip.addCategory().addCoding().setSystem("http://vardbrygga.example/fhir/CodeSystem/careplan-category").setCode("sip");
        sip.addActivity().getDetail().setStatus(org.hl7.fhir.r4.model.CarePlan.CarePlanActivityStatus.SCHEDULED)
                .setDescription("Respiratorvård i hemmet").addPerformer(task(createdId(intake.postJson("home-care-assignment",
                        assignment(HEALTH_CENTRE, "SE2321009959-R0101", "UH-G1").replace("194403279823", pnr)), "Task")).getOwner());
        assertThat(fhir.post("CarePlan", sip).status()).isEqualTo(201);
        for (String kind : List.of("risk-analysis", "discharge-checklist")) {
            org.hl7.fhir.r4.model.DocumentReference doc = new org.hl7.fhir.r4.model.DocumentReference()
                    .setStatus(org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus.CURRENT)
                    .setSubject(new org.hl7.fhir.r4.model.Reference(patient));
            doc.getType().addCoding().setSystem("http://vardbrygga.example/fhir/CodeSystem/document-kind").setCode(kind);
            doc.addContent().getAttachment().setContentType("application/pdf").setUrl("https://dokument.example/" + kind + ".pdf");
            FhirHttp.Response r = fhir.post("DocumentReference", doc);
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }

        FhirHttp.Response discharged = intake.postJson("admission", discharge);
        assertThat(discharged.status()).as(discharged.body()).isEqualTo(201);
    }

    private static String deviceFollowUp(int a, int b, String receivingUnit) {
        return ("{'sender':{'hsaId':'%s'},'patient':{'personnummer':'191212121212'},'prescriber':{'hsaId':'SE2321009918-A0031',"
                + "'name':'Maja Arbetsterapeut'},'device':'Rollator','a':%d,'b':%d,'atDischarge':true%s}")
                .formatted(WARD, a, b, receivingUnit == null ? "" : ",'receivingUnit':{'hsaId':'" + receivingUnit + "'}");
    }

    @Test
    void deviceFollowUpDecidesAndHandsOverToTheMunicipalityAtDischarge_R_AD_1() {
        FhirHttp.Response recurring = intake.postJson("device-follow-up", deviceFollowUp(3, 2, HOME_CARE));
        assertThat(recurring.status()).as(recurring.body()).isEqualTo(201);
        Bundle created = recurring.as(Bundle.class);
        List<String> tasks = created.getEntry().stream().map(e -> e.getResponse().getLocation())
                .filter(l -> l.startsWith("Task/")).map(l -> l.split("/")[1]).toList();
        assertThat(tasks).hasSize(2);
        assertThat(task(tasks.get(0)).getStatus()).isEqualTo(Task.TaskStatus.COMPLETED); // handed over
        assertThat(fhir.get("Task/" + tasks.get(0)).body()).contains("recurring-follow-up");
        Task handover = task(tasks.get(1));
        assertThat(handover.getPartOfFirstRep().getReference()).isEqualTo("Task/" + tasks.get(0));
        assertThat(handover.getCode().getCodingFirstRep().getCode()).isEqualTo("follow-up-handover");

        String close = createdId(intake.postJson("device-follow-up", deviceFollowUp(1, 1, null)), "Task");
        assertThat(fhir.get("Task/" + close).body()).contains("\"close\"");
        assertThat(task(close).getStatus()).isEqualTo(Task.TaskStatus.COMPLETED);
    }

    @Test
    void When_DeviceFollowUpMovesWithoutAMunicipalReceiver_Expect_422UnderTheReceivingUnit_R_AD_1() {
        int tasks = count("Task");

        assertRefused(intake.postJson("device-follow-up", deviceFollowUp(3, 3, null)), "receivingUnit", "R-AD-1");
        assertRefused(intake.postJson("device-follow-up", deviceFollowUp(3, 3, HEALTH_CENTRE)), "receivingUnit.hsaId", "R-AD-1");

        assertThat(count("Task")).isEqualTo(tasks);
    }

    private static String servicePurchase(String region, String kind) {
        return ("{'sender':{'hsaId':'%s'},'patient':{'personnummer':'195502024465'},'region':'%s','executor':{'hsaId':'%s'},"
                + "'period':{'start':'2026-11-26','end':'2026-12-10'},'daysAndTimes':'Alla dagar 08-20','partOfDay':'part-of-day',"
                + "'tasks':[{'kind':'supervision','text':'Tillsyn'},{'kind':'%s','text':'Uppgift'}],'deadline':'2026-11-26',"
                + "'signedBy':{'hsaId':'SE2321009918-R0901','name':'Maria Ek'}}")
                .formatted(WARD, region, HOME_CARE, kind);
    }

    @Test
    void wardRequestsStaffAndVastmanlandKeepsHslTasks_R_TK_1_R_DEL_3() {
        assertThat(intake.postJson("consent", consent("195502024465", "permit").replace(HEALTH_CENTRE, WARD)).status()).isEqualTo(201);
        String id = createdId(intake.postJson("service-purchase", servicePurchase("varmland", "personal-care")), "Task");
        Task request = task(id);
        assertThat(request.getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
        assertThat(request.getRestriction().getPeriod().getEndElement().getValueAsString()).isEqualTo("2026-11-26");
        int tasks = count("Task");

        assertRefused(intake.postJson("service-purchase", servicePurchase("vastmanland", "wound-care")), "tasks", "R-DEL-3");
        assertRefused(intake.postJson("service-purchase", servicePurchase("halland", "supervision")), "region", null);

        assertThat(count("Task")).isEqualTo(tasks);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"companion-need", "delegation", "admission", "home-visit", "sbar-handover", "home-care-assignment",
            "sip-invitation", "escalation", "consent", "device-follow-up", "service-purchase", "service-purchase-agreement"})
    void When_AnyKindMissesThePatient_Expect_422NamingItAndNothingStored(String kind) {
        int patients = count("Patient");
        int provenances = count("Provenance");

        assertRefused(intake.postJson(kind, "{'sender':{'hsaId':'" + HEALTH_CENTRE + "'}}"), "patient", null);

        assertThat(count("Patient")).isEqualTo(patients);
        assertThat(count("Provenance")).isEqualTo(provenances);
    }

    @Test
    void When_ConsentNamesAnUnknownUnit_Expect_422UnderThatUnitAndNothingStored() {
        int consents = count("Consent");

        assertRefused(intake.postJson("consent", consent("191212121212", "permit").replace(HOME_CARE, "SE2120009952-NOSUCH")),
                "receivingUnits[0].hsaId", null);

        assertThat(count("Consent")).isEqualTo(consents);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "child;201506119815;2026-12-21;true;patient;R-HC-1",
            "five weeks;191212121212;2027-01-05;true;period.end;",
            "no consent;191212121212;2026-12-21;false;consent.documented;R-HV-4"
    })
    void When_BadHomeVisitIntake_Expect_422NamingTheFieldAndNothingStored(String name, String pnr, String end, boolean consent,
                                                                          String field, String rule) {
        int orders = count("ServiceRequest");
        int consents = count("Consent");
        String json = homeVisit(HEALTH_CENTRE, "SE2321009959-R0101", pnr, "wound-dressing", end);

        FhirHttp.Response r = intake.postJson("home-visit", consent ? json : json.replace("'documented':true", "'documented':false"));

        assertRefused(r, field, rule);
        assertThat(count("ServiceRequest")).isEqualTo(orders);
        assertThat(count("Consent")).isEqualTo(consents);
        if ("R-HC-1".equals(rule)) {
            assertThat(r.body()).contains("Hälsocentralen Ersboda"); // the answer names the unit that stays responsible
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "missing task;{'sender':{'hsaId':'" + HOME_CARE + "'},'patient':{'personnummer':'191212121212'},'delegator':{'hsaId':'" + MUNICIPAL_NURSE + "','name':'K','unitHsaId':'" + HOME_CARE + "','licensedProfession':'nurse'},'delegate':{'name':'A','employerHsaId':'" + ASSISTANCE + "'},'decisionDate':'2026-11-20','validity':{'start':'2026-11-20','end':'2027-01-01'}};task;",
            "check digit;{'sender':{'hsaId':'" + HOME_CARE + "'},'patient':{'personnummer':'191212121213'},'delegator':{'hsaId':'" + MUNICIPAL_NURSE + "','name':'K','unitHsaId':'" + HOME_CARE + "','licensedProfession':'nurse'},'delegate':{'name':'A','employerHsaId':'" + ASSISTANCE + "'},'task':'T','decisionDate':'2026-11-20','validity':{'start':'2026-11-20','end':'2027-01-01'}};patient.personnummer;",
            "longer than a year;{'sender':{'hsaId':'" + HOME_CARE + "'},'patient':{'personnummer':'191212121212'},'delegator':{'hsaId':'" + MUNICIPAL_NURSE + "','name':'K','unitHsaId':'" + HOME_CARE + "','licensedProfession':'nurse'},'delegate':{'name':'A','employerHsaId':'" + ASSISTANCE + "'},'task':'T','decisionDate':'2026-11-20','validity':{'start':'2026-11-20','end':'2027-11-21'}};validity.end;R-DEL-4",
            "unknown unit;{'sender':{'hsaId':'SE2120009952-NOSUCH'},'patient':{'personnummer':'191212121212'},'delegator':{'hsaId':'" + MUNICIPAL_NURSE + "','name':'K','unitHsaId':'" + HOME_CARE + "','licensedProfession':'nurse'},'delegate':{'name':'A','employerHsaId':'" + ASSISTANCE + "'},'task':'T','decisionDate':'2026-11-20','validity':{'start':'2026-11-20','end':'2027-01-01'}};sender.hsaId;",
            "no licensed delegator;{'sender':{'hsaId':'" + HOME_CARE + "'},'patient':{'personnummer':'191212121212'},'delegator':{'hsaId':'" + MUNICIPAL_NURSE + "','name':'K','unitHsaId':'" + HOME_CARE + "'},'delegate':{'name':'A','employerHsaId':'" + ASSISTANCE + "'},'task':'T','decisionDate':'2026-11-20','validity':{'start':'2026-11-20','end':'2027-01-01'}};delegator.licensedProfession;R-DEL-4",
            "not json;{nope;$;"
    })
    void When_BadDelegationIntake_Expect_422NamingTheFieldAndNothingStored(String name, String json, String field, String rule) {
        int tasks = count("Task");
        int patients = count("Patient");
        int provenances = count("Provenance");

        assertRefused(intake.postJson("delegation", json), field, rule);

        assertThat(count("Task")).isEqualTo(tasks);
        assertThat(count("Patient")).isEqualTo(patients);
        assertThat(count("Provenance")).isEqualTo(provenances);
    }
}
