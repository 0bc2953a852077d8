package se.vardbrygga.adapter.it;

import static se.vardbrygga.adapter.it.TestTokens.bearer;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.vardbrygga.adapter.config.AdapterConfig;
import se.vardbrygga.adapter.server.AdapterServer;

/**
 * Who sees and writes what, by unit (issue "Who may see and do what"): the care coordination of a health centre,
 * a ward and a home-care unit, written through the intake with their own tokens, and a unit with no part in it (a
 * heart clinic elsewhere) that tries every interaction on every resource written: 404 on reads, nothing in searches
 * (not even a count or an _include), 404/403 on writes, each attempt audited. Beside it, the parties read what is
 * theirs, a Task moves only by its owner or requester, and the assignment note is read only with the patient's consent.
 * The filters are SQL: the contract runs on H2 and on PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class UnitAccessContract {
    private static final String HEALTH_CENTRE = "SE2321009959-VB1401";
    private static final String WARD = "SE2321009918-VB1012";
    private static final String HOME_CARE = "SE2120009952-VB2401";
    private static final String ASSISTANCE = "SE5590009915-VB3001";
    private static final String STRANGER = "SE2321009942-VB1301";
    private static final String ALL = "system/*.cruds";
    /** Open to every caller to read: who exists and how to reach them. */
    private static final List<String> DIRECTORY = List.of("Organization", "Practitioner", "PractitionerRole", "Endpoint");

    private final TestTokens tokens = new TestTokens();
    private AdapterServer server;
    private FhirHttp fhir;
    private FhirHttp intake;
    private String auditor;
    /** Every resource the parties wrote (Type/id), with the token of a unit that is a party of it. */
    private final Map<String, String> written = new LinkedHashMap<>();
    private String assignmentTask;
    private String sipTask;
    private String note;

    abstract AdapterConfig.Database database();

    @BeforeAll
    void start() throws Exception {
        AdapterConfig config = SeededAdapter.config(database(), AdapterConfig.Purchase.BUILT_IN, AdapterConfig.Routing.OFF)
                .withSecurity(tokens.security(10_000));
        server = SeededAdapter.startSecured(config);
        fhir = new FhirHttp(server.baseUrl());
        intake = new FhirHttp(server.baseUrl().replace("/fhir", "/intake"));
        auditor = tokens.token("log-review", null, "system/AuditEvent.rs");
        String healthCentre = token(HEALTH_CENTRE);
        String ward = token(WARD);

        send("consent", healthCentre, ("{'sender':{'hsaId':'%s'},'patient':{'personnummer':'194403279823'},'decision':'permit',"
                + "'receivingUnits':[{'hsaId':'%s'}],'period':{'start':'2026-01-01','end':'2030-12-31'},'date':'2026-01-01'}")
                .formatted(HEALTH_CENTRE, HOME_CARE));
        assignmentTask = send("home-care-assignment", healthCentre, ("{'sender':{'hsaId':'%s'},'patient':{'personnummer':'194403279823'},"
                + "'physician':{'hsaId':'SE2321009959-R0101','name':'Anna Bergström'},'homeCareUnit':{'hsaId':'%s'},"
                + "'assignmentId':'UH-A1','reason':'Bensår','background':'Diabetes typ 2','status':'Opåverkad',"
                + "'orderedTreatment':'Omläggning','needs':['Omläggning av bensår']}").formatted(HEALTH_CENTRE, HOME_CARE)).get("Task");
        sipTask = send("sip-invitation", healthCentre, ("{'sender':{'hsaId':'%s'},'patient':{'personnummer':'194403279823'},"
                + "'careContact':{'hsaId':'SE2321009959-R0102','name':'Lisa Holm'},'dischargeReadyDate':'2030-11-27',"
                + "'deadline':'2030-11-26','invited':[{'hsaId':'%s','responsibility':'Omläggning'}],'kartlaggning':{'reason':"
                + "'Utskrivning','background':'Diabetes','status':'Opåverkad','orderedTreatment':'Omläggning'}}")
                .formatted(HEALTH_CENTRE, HOME_CARE)).get("Task");
        send("sbar-handover", ward, ("{'sender':{'hsaId':'%s'},'recipient':{'hsaId':'%s'},'patient':{'personnummer':'191212121212'},"
                + "'situation':'Utskrivningsklar','background':'Diabetes','assessment':'Såret läker','recommendation':'Omläggning',"
                + "'homeVisit':{'orderingPhysician':{'hsaId':'SE2321009918-L0778','name':'Eva Ek','phone':'+46 54 000 00 00'},"
                + "'intervention':'wound-dressing','description':'Omläggning','period':{'start':'2026-12-01','end':'2026-12-21'},"
                + "'consent':{'documented':true},'prescriptionInNpo':true}}").formatted(WARD, HOME_CARE));
        send("admission", ward, ("{'sender':{'hsaId':'%s'},'patient':{'personnummer':'201506119815'},'episodeId':'VT-9','event':'admission',"
                + "'class':'inpatient','start':'2026-11-24T14:20:00+01:00'}").formatted(WARD));

        DocumentReference doc = new DocumentReference().setStatus(DocumentReferenceStatus.CURRENT)
                .setSubject(new Reference(patientOf(assignmentTask)));
        doc.getType().setText("Uppdrag hemsjukvård");
        doc.addAuthor(new Reference(organization(HEALTH_CENTRE)));
        doc.addContent().getAttachment().setContentType("text/plain").setUrl("https://journal.example/uppdrag/UH-A1");
        FhirHttp.Response posted = fhir.post("DocumentReference", doc, bearer(healthCentre));
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        note = "DocumentReference/" + posted.as(DocumentReference.class).getIdElement().getIdPart();
        written.put(note, healthCentre);
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    private String token(String unit) {
        return tokens.token("system-of-" + unit, unit, ALL);
    }

    /** Sends an intake as the token's unit; records what it wrote and returns the id of each type written. */
    private Map<String, String> send(String kind, String token, String singleQuoted) {
        FhirHttp.Response r = intake.post(kind, singleQuoted.replace('\'', '"'), "Content-Type", "application/json",
                "Authorization", "Bearer " + token);
        assertThat(r.status()).as(kind + ": " + r.body()).isEqualTo(201);
        Map<String, String> ids = new LinkedHashMap<>();
        for (Bundle.BundleEntryComponent e : r.as(Bundle.class).getEntry()) {
            String[] location = e.getResponse().getLocation().split("/");
            if (!DIRECTORY.contains(location[0])) {
                written.putIfAbsent(location[0] + "/" + location[1], token);
            }
            ids.putIfAbsent(location[0], location[1]);
        }
        return ids;
    }

    private String patientOf(String taskId) {
        return fhir.get("Task/" + taskId, bearer(token(HOME_CARE))).as(Task.class).getFor().getReference();
    }

    private String organization(String hsaId) {
        Bundle found = fhir.get("Organization?identifier=urn:oid:1.2.752.29.4.19|" + hsaId, bearer(token(STRANGER))).as(Bundle.class);
        return "Organization/" + found.getEntryFirstRep().getResource().getIdElement().getIdPart();
    }

    private int refusalsAudited() {
        FhirHttp.Response r = fhir.get("AuditEvent?outcome=4&_summary=count", bearer(auditor));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.as(Bundle.class).getTotal();
    }

    private static void assertStatus(FhirHttp.Response r, int status, String what) {
        assertThat(r.status()).as(what + ": " + r.body()).isEqualTo(status);
        assertThat(r.body()).doesNotContain("at se.vardbrygga").doesNotContain("Exception");
    }

    @Test
    void When_UnrelatedUnitReadsWhatOthersWrote_Expect_404ForEveryTypeAndInteractionAndEachAudited() {
        assertThat(written.keySet()).extracting(ref -> ref.split("/")[0]).contains("Patient", "Task", "CarePlan", "Consent",
                "Communication", "ServiceRequest", "Encounter", "DocumentReference");
        String stranger = token(STRANGER);
        int before = refusalsAudited();
        int attempts = 0;
        for (Map.Entry<String, String> w : written.entrySet()) {
            String ref = w.getKey();
            assertStatus(fhir.get(ref, bearer(w.getValue())), 200, "a party reads " + ref);
            for (String path : List.of(ref, ref + "/_history/1", ref + "/_history")) {
                assertStatus(fhir.get(path, bearer(stranger)), 404, "the stranger reads " + path);
                attempts++;
            }
        }
        assertThat(refusalsAudited()).as("every refused read audited").isEqualTo(before + attempts);
    }

    @Test
    void When_UnrelatedUnitSearches_Expect_NoMatchNoCountNoInclude() {
        String stranger = token(STRANGER);
        for (String ref : written.keySet()) {
            String[] typeId = ref.split("/");
            Bundle byId = fhir.get(typeId[0] + "?_id=" + typeId[1], bearer(stranger)).as(Bundle.class);
            assertThat(byId.getTotal()).as(ref).isZero();
            assertThat(byId.getEntry()).as(ref).isEmpty();
            assertThat(fhir.get(typeId[0] + "?_summary=count", bearer(stranger)).as(Bundle.class).getTotal()).as(typeId[0]).isZero();
        }
        assertThat(fhir.get("Patient?identifier=194403279823", bearer(stranger)).as(Bundle.class).getTotal()).isZero();
        Bundle batch = new Bundle().setType(Bundle.BundleType.BATCH);
        batch.addEntry().getRequest().setMethod(Bundle.HTTPVerb.GET).setUrl("Task/" + assignmentTask);
        batch.addEntry().getRequest().setMethod(Bundle.HTTPVerb.GET).setUrl("Task?_id=" + assignmentTask);
        Bundle answered = fhir.post("", batch, bearer(stranger)).as(Bundle.class);
        assertThat(answered.getEntry().get(0).getResponse().getStatus()).startsWith("404");
        assertThat(((Bundle) answered.getEntry().get(1).getResource()).getTotal()).isZero();

        String homeCare = token(HOME_CARE);
        assertThat(fhir.get("Task?_summary=count", bearer(homeCare)).as(Bundle.class).getTotal()).as("the owner's Tasks").isEqualTo(3);
        assertThat(fhir.get("Task?_id=" + assignmentTask + "&_include=Task:patient&_include=Task:owner", bearer(homeCare))
                .as(Bundle.class).getEntry()).as("the owner's Task with its patient and unit").hasSize(3);
    }

    @Test
    void When_IncludeReachesWhatTheCallerMayNotSee_Expect_LeftOut() {
        String assistance = token(ASSISTANCE);
        Task own = new Task().setStatus(Task.TaskStatus.REQUESTED).setIntent(Task.TaskIntent.ORDER)
                .setRequester(new Reference(organization(ASSISTANCE))).setOwner(new Reference(organization(ASSISTANCE)))
                .setFocus(new Reference(note));
        FhirHttp.Response created = fhir.post("Task", own, bearer(assistance));
        assertStatus(created, 201, "a Task of its own");
        Bundle found = fhir.get("Task?_id=" + created.as(Task.class).getIdElement().getIdPart() + "&_include=Task:focus", bearer(assistance)).as(Bundle.class);
        assertThat(found.getEntry()).extracting(e -> e.getResource().fhirType()).containsExactly("Task");
    }

    @Test
    void When_UnrelatedUnitWritesOrUpdatesWhatOthersWrote_Expect_404Or403AndNothingWritten() {
        String stranger = token(STRANGER);
        int before = refusalsAudited();
        int attempts = 0;
        for (Map.Entry<String, String> w : written.entrySet()) {
            Resource current = (Resource) fhir.get(w.getKey(), bearer(w.getValue())).as(resourceClass(w.getKey()));
            String version = current.getMeta().getVersionId();
            assertStatus(fhir.put(w.getKey(), current, bearer(stranger)), 404, "the stranger updates " + w.getKey());
            Resource copy = current.copy().setId((String) null);
            FhirHttp.Response posted = fhir.post(w.getKey().split("/")[0], copy, bearer(stranger));
            assertStatus(posted, 403, "the stranger writes a copy of " + w.getKey());
            assertThat(posted.as(OperationOutcome.class).getIssueFirstRep().getDiagnostics()).contains("unit " + STRANGER);
            attempts += 2;
            assertThat(((Resource) fhir.get(w.getKey(), bearer(w.getValue())).as(resourceClass(w.getKey()))).getMeta().getVersionId())
                    .isEqualTo(version);
        }
        assertThat(refusalsAudited()).isEqualTo(before + attempts);
    }

    @Test
    void When_UnrelatedUnitChangesTheDirectory_Expect_403ItReadsIt() {
        String stranger = token(STRANGER);
        for (String query : List.of("Organization?identifier=urn:oid:1.2.752.29.4.19|" + HEALTH_CENTRE,
                "PractitionerRole?identifier=urn:oid:1.2.752.29.4.19|SE2321009959-R0101",
                "Practitioner?identifier=urn:oid:1.2.752.29.4.19|SE2321009959-P0101")) {
            Bundle found = fhir.get(query, bearer(stranger)).as(Bundle.class);
            assertThat(found.getTotal()).as("the directory is public: " + query).isEqualTo(1);
            Resource entry = found.getEntryFirstRep().getResource();
            String ref = entry.fhirType() + "/" + entry.getIdElement().getIdPart();
            assertStatus(fhir.put(ref, entry, bearer(stranger)), 403, "the stranger changes " + ref);
            assertStatus(fhir.put(ref, entry, bearer(token(HEALTH_CENTRE))), 200, "the unit changes its own " + ref);
        }
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends Resource> resourceClass(String ref) {
        return (Class<? extends Resource>) FhirContext.forR4Cached().getResourceDefinition(ref.split("/")[0]).getImplementingClass();
    }

    @Test
    void onlyTheOwnerMovesATaskForwardOnlyTheRequesterCancelsIt() {
        Parameters firstVisit = new Parameters();
        firstVisit.addParameter().setName("firstVisitDate").setValue(new DateType("2026-12-01"));
        FhirHttp.Response byRequester = fhir.post("Task/" + assignmentTask + "/$acknowledge", firstVisit, bearer(token(HEALTH_CENTRE)));
        assertStatus(byRequester, 403, "the requester acknowledges");
        assertThat(byRequester.body()).contains("owner (Task.owner)").contains("Task.status");

        Task sip = fhir.get("Task/" + sipTask, bearer(token(HOME_CARE))).as(Task.class);
        sip.setStatus(Task.TaskStatus.CANCELLED);
        FhirHttp.Response cancelledByOwner = fhir.put("Task/" + sipTask, sip, bearer(token(HOME_CARE)));
        assertStatus(cancelledByOwner, 403, "the owner cancels");
        assertThat(cancelledByOwner.body()).contains("requester (Task.requester)");

        assertStatus(fhir.post("Task/" + assignmentTask + "/$acknowledge", firstVisit, bearer(token(HOME_CARE))), 200, "the owner acknowledges");
        assertStatus(fhir.put("Task/" + sipTask, sip, bearer(token(HEALTH_CENTRE))), 200, "the requester cancels");
        assertThat(fhir.get("Task/" + sipTask, bearer(token(HEALTH_CENTRE))).as(Task.class).getStatus()).isEqualTo(Task.TaskStatus.CANCELLED);
    }

    @Test
    void assignmentNoteIsReadOnlyByItsAuthorAndTheUnitsThePatientsConsentNames_R_CON_1() {
        assertStatus(fhir.get(note, bearer(token(HOME_CARE))), 200, "the unit the consent names");
        assertStatus(fhir.get(patientOf(assignmentTask), bearer(token(HOME_CARE))), 200, "and its patient");
        assertStatus(fhir.get(note, bearer(token(WARD))), 404, "a unit the consent does not name");
        String patient = patientOf(assignmentTask).split("/")[1];
        assertThat(fhir.get("DocumentReference?patient=" + patient, bearer(token(WARD))).as(Bundle.class).getTotal()).isZero();
        assertThat(fhir.get("DocumentReference?patient=" + patient, bearer(token(HOME_CARE))).as(Bundle.class).getTotal()).isEqualTo(1);
    }

    @Test
    void When_UnitOrTokenWithoutUnitReadsTheAccessLog_Expect_403OnlyAuditorsReadIt() {
        assertStatus(fhir.get("AuditEvent?_summary=count", bearer(token(HOME_CARE))), 403, "a unit's token with system/*.cruds");
        String noUnit = tokens.token("integration-platform", null, ALL);
        assertThat(fhir.get("Task?_summary=count", bearer(noUnit)).as(Bundle.class).getTotal()).as("a token without unit").isZero();
        assertStatus(fhir.get("Task/" + assignmentTask, bearer(noUnit)), 404, "a token without unit");

        fhir.get(note, bearer(token(HOME_CARE)));
        Bundle reads = fhir.get("AuditEvent?entity=" + note + "&action=R&outcome=0", bearer(auditor)).as(Bundle.class);
        assertThat(reads.getTotal()).as("the note's reads are logged").isPositive();
        assertThat(fhir.get("AuditEvent?entity=" + note + "&action=C", bearer(auditor)).as(Bundle.class).getTotal())
                .as("its creation, in the transaction that wrote it").isEqualTo(1);
        assertThat(fhir.get("AuditEvent?patient=" + patientOf(assignmentTask) + "&_summary=count", bearer(auditor)).as(Bundle.class)
                .getTotal()).as("by patient").isPositive();
        List<String> units = new ArrayList<>();
        reads.getEntry().forEach(e -> ((org.hl7.fhir.r4.model.AuditEvent) e.getResource()).getAgent()
                .forEach(a -> units.add(a.getWho().getIdentifier().getValue())));
        assertThat(units).contains(HOME_CARE);
    }
}
