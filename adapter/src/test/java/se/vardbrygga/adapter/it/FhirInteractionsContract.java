package se.vardbrygga.adapter.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
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
 * Every FHIR interaction the adapter offers, over real HTTP, against one database. Subclasses run the
 * whole contract on H2 and on PostgreSQL. Profile validation is off here: these tests are about FHIR
 * interaction semantics for any resource; ProfileValidationIT covers validation on every write path.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FhirInteractionsContract {
    static final String SID = "http://vardbrygga.example/fhir/sid/test";
    static final String TASK_CODE = "http://vardbrygga.example/fhir/CodeSystem/task-code";
    static final String ORG_TYPE = "http://vardbrygga.example/fhir/CodeSystem/organization-type";
    static final int MAX_BYTES = 64 * 1024;

    private AdapterServer server;
    FhirHttp http;
    /** Fixture ids by the identifier value of the resource ("org-home", "task-1", ...). */
    final Map<String, String> ids = new HashMap<>();
    /** Each run tags its fixture with a unique run id, so searches see only this run's data. */
    final String run = UUID.randomUUID().toString().substring(0, 8);
    /** The fixture's identifiers live in their own system: search results are mapped back by it. */
    final String fixtureSid = SID + "/fixture-" + run;

    abstract AdapterConfig.Database database();

    @BeforeAll
    void startServerAndLoadFixture() throws Exception {
        AdapterConfig config = new AdapterConfig(new AdapterConfig.Server("127.0.0.1", 0, MAX_BYTES, ""), database(),
                new AdapterConfig.Validation(false), AdapterConfig.Jobs.OFF, AdapterConfig.Purchase.BUILT_IN, AdapterConfig.Routing.OFF,
                AdapterConfig.Outage.OFF, AdapterConfig.Security.OPEN);
        server = AdapterServer.start(config);
        http = new FhirHttp(server.baseUrl());
        loadFixture();
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    // ---- create, conditional create, read, vread, update, history ----

    @Test
    void When_Create_Expect_201WithServerAssignedIdLocationAndEtag() {
        Patient p = patient("create-" + run);
        p.setId("client-chosen");
        FhirHttp.Response r = http.post("Patient", p);

        assertThat(r.status()).isEqualTo(201);
        Patient created = r.as(Patient.class);
        assertThat(created.getIdElement().getIdPart()).isNotEqualTo("client-chosen").isNotBlank();
        assertThat(r.header("Location")).endsWith("/Patient/" + created.getIdElement().getIdPart() + "/_history/1");
        assertThat(r.header("ETag")).isEqualTo("W/\"1\"");
        assertThat(created.getMeta().getVersionId()).isEqualTo("1");
        assertThat(created.getMeta().getLastUpdated()).isNotNull();
    }

    @Test
    void When_ConditionalCreateMatches_Expect_200WithExistingAndNothingNew() {
        String value = "cond-" + run;
        FhirHttp.Response first = http.post("Patient", patient(value), "If-None-Exist", "identifier=" + SID + "|" + value);
        FhirHttp.Response second = http.post("Patient", patient(value), "If-None-Exist", "identifier=" + SID + "|" + value);

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.as(Patient.class).getIdElement().getIdPart())
                .isEqualTo(first.as(Patient.class).getIdElement().getIdPart());
        assertThat(count("Patient?identifier=" + SID + "|" + value)).isEqualTo(1);
    }

    @Test
    void When_ConditionalCreateMatchesTwo_Expect_412() {
        String value = "dup-" + run;
        http.post("Patient", patient(value));
        http.post("Patient", patient(value));
        FhirHttp.Response r = http.post("Patient", patient(value), "If-None-Exist", "identifier=" + SID + "|" + value);
        assertThat(r.status()).isEqualTo(412);
        assertThat(count("Patient?identifier=" + SID + "|" + value)).isEqualTo(2);
    }

    @Test
    void When_ReadExistingAndMissing_Expect_200And404WithOutcome() {
        String id = ids.get("task-1");
        FhirHttp.Response found = http.get("Task/" + id);
        FhirHttp.Response missing = http.get("Task/does-not-exist");

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.as(Task.class).getIdentifierFirstRep().getValue()).isEqualTo("task-1");
        assertThat(found.header("ETag")).isEqualTo("W/\"1\"");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.resource()).isInstanceOf(OperationOutcome.class);
    }

    @Test
    void When_UpdateWithCurrentIfMatch_Expect_NewVersionAndVreadOfOld() {
        String id = created(patient("upd-" + run));
        Patient changed = patient("upd-" + run).setBirthDateElement(new org.hl7.fhir.r4.model.DateType("1950-01-01"));
        changed.setId(id);

        FhirHttp.Response r = http.put("Patient/" + id, changed, "If-Match", "W/\"1\"");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("ETag")).isEqualTo("W/\"2\"");
        assertThat(http.get("Patient/" + id).as(Patient.class).getBirthDateElement().getValueAsString()).isEqualTo("1950-01-01");
        FhirHttp.Response v1 = http.get("Patient/" + id + "/_history/1");
        assertThat(v1.status()).isEqualTo(200);
        assertThat(v1.as(Patient.class).hasBirthDate()).isFalse();
        assertThat(http.get("Patient/" + id + "/_history/2").as(Patient.class).getMeta().getVersionId()).isEqualTo("2");
        assertThat(http.get("Patient/" + id + "/_history/3").status()).isEqualTo(404);
    }

    @Test
    void When_UpdateWithStaleIfMatch_Expect_412AndNothingWritten() {
        String id = created(patient("stale-" + run));
        Patient v2 = patient("stale-" + run);
        v2.setId(id);
        assertThat(http.put("Patient/" + id, v2).status()).isEqualTo(200);

        Patient stale = patient("stale-" + run).setGender(org.hl7.fhir.r4.model.Enumerations.AdministrativeGender.FEMALE);
        stale.setId(id);
        FhirHttp.Response r = http.put("Patient/" + id, stale, "If-Match", "W/\"1\"");

        assertThat(r.status()).isEqualTo(412);
        assertThat(r.resource()).isInstanceOf(OperationOutcome.class);
        Patient current = http.get("Patient/" + id).as(Patient.class);
        assertThat(current.getMeta().getVersionId()).isEqualTo("2");
        assertThat(current.hasGender()).isFalse();
    }

    @Test
    void When_UpdateOfUnknownId_Expect_404NoUpdateAsCreate() {
        Patient p = patient("nocreate-" + run);
        p.setId("never-created");
        assertThat(http.put("Patient/never-created", p).status()).isEqualTo(404);
        assertThat(http.get("Patient/never-created").status()).isEqualTo(404);
    }

    @Test
    void When_InstanceHistory_Expect_AllVersionsNewestFirst() {
        String id = created(patient("hist-" + run));
        Patient p = patient("hist-" + run);
        p.setId(id);
        http.put("Patient/" + id, p);
        http.put("Patient/" + id, p);

        Bundle history = http.get("Patient/" + id + "/_history").as(Bundle.class);

        assertThat(history.getType()).isEqualTo(BundleType.HISTORY);
        assertThat(history.getEntry()).extracting(e -> e.getResource().getMeta().getVersionId())
                .containsExactly("3", "2", "1");
    }

    // ---- transaction and batch ----

    @Test
    void When_TransactionWithPlaceholders_Expect_AllCreatedAndReferencesRewritten() {
        Bundle tx = new Bundle().setType(BundleType.TRANSACTION);
        Patient p = patient("tx-p-" + run);
        tx.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(p).getRequest().setMethod(HTTPVerb.POST).setUrl("Patient");
        String patientUrn = tx.getEntryFirstRep().getFullUrl();
        Task t = task("tx-t-" + run).setFor(new Reference(patientUrn));
        tx.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(t).getRequest().setMethod(HTTPVerb.POST).setUrl("Task");

        FhirHttp.Response r = http.post("", tx);

        assertThat(r.status()).isEqualTo(200);
        Bundle response = r.as(Bundle.class);
        assertThat(response.getType()).isEqualTo(BundleType.TRANSACTIONRESPONSE);
        assertThat(response.getEntry()).extracting(e -> e.getResponse().getStatus()).containsExactly("201 Created", "201 Created");
        String patientId = new org.hl7.fhir.r4.model.IdType(response.getEntry().get(0).getResponse().getLocation()).getIdPart();
        String taskId = new org.hl7.fhir.r4.model.IdType(response.getEntry().get(1).getResponse().getLocation()).getIdPart();
        assertThat(http.get("Task/" + taskId).as(Task.class).getFor().getReference()).isEqualTo("Patient/" + patientId);
        assertThat(ids("Task?patient=" + patientId)).containsExactly("tx-t-" + run);
    }

    @Test
    void When_TransactionHasOneBadEntry_Expect_400NamingEntryAndNothingStored() {
        Bundle tx = new Bundle().setType(BundleType.TRANSACTION);
        tx.addEntry().setResource(patient("txbad-" + run)).getRequest().setMethod(HTTPVerb.POST).setUrl("Patient");
        tx.addEntry().setResource(task("txbad-" + run).setFor(new Reference("urn:uuid:" + UUID.randomUUID())))
                .getRequest().setMethod(HTTPVerb.POST).setUrl("Task");

        FhirHttp.Response r = http.post("", tx);

        assertThat(r.status()).isEqualTo(400);
        OperationOutcome oo = r.as(OperationOutcome.class);
        assertThat(oo.getIssueFirstRep().getExpression().get(0).getValue()).isEqualTo("Bundle.entry[1]");
        assertThat(count("Patient?identifier=" + SID + "|txbad-" + run)).isZero();
        assertThat(count("Task?identifier=" + SID + "|txbad-" + run)).isZero();
    }

    @Test
    void When_TransactionEntryTypeDiffersFromUrl_Expect_400AndNothingStored() {
        Bundle tx = new Bundle().setType(BundleType.TRANSACTION);
        tx.addEntry().setResource(patient("txtype-" + run)).getRequest().setMethod(HTTPVerb.POST).setUrl("Patient");
        tx.addEntry().setResource(patient("txtype2-" + run)).getRequest().setMethod(HTTPVerb.POST).setUrl("Task");

        assertThat(http.post("", tx).status()).isEqualTo(400);
        assertThat(count("Patient?identifier=" + SID + "|txtype-" + run)).isZero();
    }

    @Test
    void When_TransactionWithConditionalCreateAndStaleUpdate_Expect_412AndRollback() {
        String existing = created(patient("txcond-" + run));
        Bundle tx = new Bundle().setType(BundleType.TRANSACTION);
        tx.addEntry().setResource(task("txcond-t-" + run)).getRequest().setMethod(HTTPVerb.POST).setUrl("Task");
        Patient upd = patient("txcond-" + run);
        upd.setId(existing);
        tx.addEntry().setResource(upd).getRequest().setMethod(HTTPVerb.PUT).setUrl("Patient/" + existing).setIfMatch("W/\"7\"");

        assertThat(http.post("", tx).status()).isEqualTo(412);
        assertThat(count("Task?identifier=" + SID + "|txcond-t-" + run)).isZero();
    }

    @Test
    void When_TransactionConditionalCreateMatches_Expect_200EntryAndPlaceholderPointsToExisting() {
        String existing = created(patient("txmatch-" + run));
        Bundle tx = new Bundle().setType(BundleType.TRANSACTION);
        String urn = "urn:uuid:" + UUID.randomUUID();
        tx.addEntry().setFullUrl(urn).setResource(patient("txmatch-" + run)).getRequest().setMethod(HTTPVerb.POST)
                .setUrl("Patient").setIfNoneExist("identifier=" + SID + "|txmatch-" + run);
        tx.addEntry().setResource(task("txmatch-t-" + run).setFor(new Reference(urn))).getRequest().setMethod(HTTPVerb.POST).setUrl("Task");

        Bundle response = http.post("", tx).as(Bundle.class);

        assertThat(response.getEntry().get(0).getResponse().getStatus()).isEqualTo("200 OK");
        assertThat(ids("Task?patient=Patient/" + existing)).containsExactly("txmatch-t-" + run);
        assertThat(count("Patient?identifier=" + SID + "|txmatch-" + run)).isEqualTo(1);
    }

    @Test
    void When_BatchHasOneBadEntry_Expect_GoodOneStoredAndBadOneReported() {
        Bundle batch = new Bundle().setType(BundleType.BATCH);
        batch.addEntry().setResource(patient("batch-ok-" + run)).getRequest().setMethod(HTTPVerb.POST).setUrl("Patient");
        batch.addEntry().getRequest().setMethod(HTTPVerb.GET).setUrl("Patient/nope");
        batch.addEntry().getRequest().setMethod(HTTPVerb.DELETE).setUrl("Patient/x");

        Bundle response = http.post("", batch).as(Bundle.class);

        assertThat(response.getType()).isEqualTo(BundleType.BATCHRESPONSE);
        assertThat(response.getEntry()).extracting(e -> e.getResponse().getStatus())
                .containsExactly("201 Created", "404 Not Found", "405 Method Not Allowed");
        assertThat(response.getEntry().get(1).getResponse().getOutcome()).isInstanceOf(OperationOutcome.class);
        assertThat(count("Patient?identifier=" + SID + "|batch-ok-" + run)).isEqualTo(1);
    }

    // ---- search ----

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "Task?_id={task-1};task-1",
            "Task?_id={task-1},{task-2};task-1,task-2",
            "Task?identifier={sid}|task-2;task-2",
            "Task?identifier=task-2;task-2",
            "Task?identifier=http://other|task-2;",
            "Task?patient={patient-1};task-1,task-2",
            "Task?patient=Patient/{patient-2};task-3",
            "Task?subject=Patient/{patient-1};task-1,task-2",
            "Task?status=requested;task-1,task-3",
            "Task?status=http://hl7.org/fhir/task-status|completed;task-2",
            "Task?status:not=requested;task-2",
            "Task?owner=Organization/{org-home};task-1,task-2",
            "Task?owner={org-ward};task-3",
            "Task?requester=Organization/{org-ward};task-1",
            "Task?code=" + TASK_CODE + "|delegation;task-2",
            "Task?code=" + TASK_CODE + "|home-visit,delegation;task-1,task-2",
            "Task?focus=CarePlan/{careplan-1};task-1",
            "Task?business-status=queued;task-3",
            "Task?authored-on=2026-11-20;task-1",
            "Task?authored-on=ge2026-11-21;task-2,task-3",
            "Task?authored-on=lt2026-11-21;task-1",
            "Task?authored-on=gt2026-11-22T12:00:00Z&authored-on=le2026-12;task-3",
            "Task?owner=Organization/{org-home}&status=requested;task-1",
            "CarePlan?category=http://vardbrygga.example/fhir/CodeSystem/careplan-category|sip;careplan-1",
            "CarePlan?patient={patient-1};careplan-1",
            "Communication?recipient=Organization/{org-ward};comm-1",
            "Communication?category=sbar-handover;comm-1",
            "Communication?category=reply;",
            "Consent?actor=Organization/{org-home};consent-1,consent-2",
            "Consent?patient={patient-2};consent-1",
            "Encounter?class=IMP;enc-1",
            "Encounter?class=http://terminology.hl7.org/CodeSystem/v3-ActCode|AMB;enc-2",
            "Encounter?date=ge2026-11-10;enc-1",
            "Encounter?date=2026-11-01;enc-2",
            "Encounter?date=ge2026-12-01;enc-1",
            "Encounter?date=eb2026-11-01;",
            "Organization?type=" + ORG_TYPE + "|municipal-home-care;org-home",
            "Organization?name=karlstad;org-home",
            "Organization?name=KARLSTAD KOMMUN;org-home",
            "Organization?name=vasteras;org-ward",
            "Organization?name:exact=Västerås sjukhus avd 5;org-ward",
            "Organization?name:exact=västerås sjukhus avd 5;",
            "Organization?name:contains=sjukhus;org-ward",
            "Endpoint?connection-type=cosmic-link;ep-1",
            "Endpoint?organization=Organization/{org-ward};ep-1",
            "Endpoint?connection-type=lifecare-sp;ep-2",
    })
    void When_SearchWithParameter_Expect_ExactlyMatchingResources(String query, String expected) {
        Set<String> expectedIds = expected == null ? Set.of() : Set.of(expected.split(","));
        assertThat(fixtureIds(resolve(query))).containsExactlyInAnyOrderElementsOf(expectedIds);
    }

    @Test
    void When_SearchByLastUpdated_Expect_PrefixesHonoured() {
        String id = created(patient("lu-" + run));
        String lastUpdated = new DateTimeType(http.get("Patient/" + id).as(Patient.class).getMeta().getLastUpdated())
                .getValueAsString();
        String q = "Patient?identifier=" + SID + "|lu-" + run;

        assertThat(count(q + "&_lastUpdated=ge" + enc(lastUpdated))).isEqualTo(1);
        assertThat(count(q + "&_lastUpdated=gt" + enc(lastUpdated))).isZero();
        assertThat(count(q + "&_lastUpdated=lt" + enc(lastUpdated))).isZero();
        assertThat(count(q + "&_lastUpdated=le" + enc(lastUpdated))).isEqualTo(1);
    }

    @Test
    void When_CountSmallerThanMatches_Expect_NextLinksThroughAllPagesWithoutDuplicates() {
        List<String> seen = new ArrayList<>();
        String url = "Task?owner=Organization/" + ids.get("org-home") + "&_count=1";
        int pages = 0;
        while (url != null && pages < 10) {
            Bundle page = http.get(url).as(Bundle.class);
            assertThat(page.getTotal()).isEqualTo(2);
            page.getEntry().forEach(e -> seen.add(((Task) e.getResource()).getIdentifierFirstRep().getValue()));
            url = page.getLink("next") == null ? null : page.getLink("next").getUrl();
            pages++;
        }
        assertThat(pages).isEqualTo(2);
        assertThat(seen).containsExactlyInAnyOrder("task-1", "task-2");
    }

    @Test
    void When_SortByLastUpdated_Expect_AscendingAndDescending() throws InterruptedException {
        String first = created(patient("sort-a-" + run));
        created(patient("sort-b-" + run));
        Thread.sleep(5);
        Patient again = patient("sort-a-" + run);
        again.setId(first);
        http.put("Patient/" + first, again);
        String q = "Patient?identifier=" + SID + "|sort-a-" + run + "," + SID + "|sort-b-" + run;

        assertThat(orderedIds(q)).containsExactly("sort-a-" + run, "sort-b-" + run);
        assertThat(orderedIds(q + "&_sort=_lastUpdated")).containsExactly("sort-b-" + run, "sort-a-" + run);
        assertThat(orderedIds(q + "&_sort=-_lastUpdated")).containsExactly("sort-a-" + run, "sort-b-" + run);
    }

    @Test
    void When_AResourceMatchesThroughSeveralIndexEntries_Expect_ItCountedAndReturnedOnce() {
        Patient twice = patient("twice-a-" + run);
        twice.addIdentifier().setSystem(SID).setValue("twice-b-" + run);
        created(twice);
        String q = "Patient?identifier=" + SID + "|twice-a-" + run + "," + SID + "|twice-b-" + run;

        Bundle b = http.get(q + "&_sort=-_lastUpdated").as(Bundle.class);

        assertThat(b.getTotal()).isEqualTo(1);
        assertThat(b.getEntry()).hasSize(1);
        assertThat(count(q + "&identifier=" + SID + "|twice-b-" + run)).isEqualTo(1);
    }

    @Test
    void When_IncludeFocusAndPatient_Expect_IncludedEntriesMarkedInclude() {
        Bundle b = http.get("Task?_id=" + ids.get("task-1") + "&_include=Task:focus&_include=Task:patient").as(Bundle.class);

        assertThat(b.getTotal()).isEqualTo(1);
        Map<String, String> modes = b.getEntry().stream().collect(Collectors.toMap(
                e -> e.getResource().fhirType(), e -> e.getSearch().getMode().toCode()));
        assertThat(modes).containsEntry("Task", "match").containsEntry("CarePlan", "include").containsEntry("Patient", "include");
    }

    @Test
    void When_SummaryCount_Expect_TotalOnly() {
        Bundle b = http.get("Task?owner=Organization/" + ids.get("org-home") + "&_summary=count").as(Bundle.class);
        assertThat(b.getTotal()).isEqualTo(2);
        assertThat(b.getEntry()).isEmpty();
    }

    @Test
    void When_UnknownSearchParameter_Expect_400UnlessLenient() {
        FhirHttp.Response strict = http.get("Task?colour=blue");
        assertThat(strict.status()).isEqualTo(400);
        assertThat(strict.as(OperationOutcome.class).getIssueFirstRep().getExpression().get(0).getValue()).isEqualTo("colour");

        FhirHttp.Response lenient = http.get("Task?colour=blue&_id=" + ids.get("task-1"), "Prefer", "handling=lenient");
        assertThat(lenient.status()).isEqualTo(200);
        assertThat(lenient.as(Bundle.class).getTotal()).isEqualTo(1);
    }

    // ---- what is not offered ----

    @Test
    void When_Delete_Expect_405WithOutcomeAndResourceKept() {
        FhirHttp.Response r = http.send("DELETE", "Task/" + ids.get("task-1"), HttpRequest.BodyPublishers.noBody());
        assertThat(r.status()).isEqualTo(405);
        assertThat(r.resource()).isInstanceOf(OperationOutcome.class);
        assertThat(http.get("Task/" + ids.get("task-1")).status()).isEqualTo(200);
    }

    @Test
    void When_ClientWritesAuditEvent_Expect_405ButSearchWorks() {
        AuditEvent event = new AuditEvent();
        event.getType().setSystem("http://dicom.nema.org/resources/ontology/DCM").setCode("110110");
        assertThat(http.post("AuditEvent", event).status()).isEqualTo(405);
        assertThat(http.get("AuditEvent?date=ge2020-01-01").status()).isEqualTo(200);
    }

    @Test
    void When_Metadata_Expect_ExactlyTheSupportedTypesInteractionsAndSearchParameters() {
        CapabilityStatement cs = http.get("metadata").as(CapabilityStatement.class);
        var rest = cs.getRestFirstRep();
        assertThat(rest.getResource()).extracting(CapabilityStatement.CapabilityStatementRestResourceComponent::getType)
                .containsExactlyInAnyOrder("Patient", "Organization", "Practitioner", "PractitionerRole", "Endpoint",
                        "Encounter", "CarePlan", "Task", "Consent", "Communication", "ServiceRequest",
                        "DocumentReference", "Contract", "ChargeItem", "Invoice", "Provenance", "AuditEvent");
        var task = rest.getResource().stream().filter(r -> r.getType().equals("Task")).findFirst().orElseThrow();
        assertThat(task.getInteraction()).extracting(i -> i.getCode().toCode())
                .containsExactlyInAnyOrder("read", "vread", "update", "history-instance", "create", "search-type");
        assertThat(task.getSearchParam()).extracting(CapabilityStatement.CapabilityStatementRestResourceSearchParamComponent::getName)
                .contains("_id", "_lastUpdated", "identifier", "patient", "subject", "status", "owner", "requester",
                        "code", "focus", "business-status", "authored-on");
        assertThat(task.getSearchInclude()).extracting(s -> s.getValue()).contains("Task:focus", "Task:patient");
        assertThat(task.getConditionalCreate()).isTrue();
        assertThat(task.getUpdateCreate()).isFalse();
        var audit = rest.getResource().stream().filter(r -> r.getType().equals("AuditEvent")).findFirst().orElseThrow();
        assertThat(audit.getInteraction()).extracting(i -> i.getCode().toCode())
                .containsExactlyInAnyOrder("read", "vread", "history-instance", "search-type");
        var invoice = rest.getResource().stream().filter(r -> r.getType().equals("Invoice")).findFirst().orElseThrow();
        assertThat(invoice.getInteraction()).extracting(i -> i.getCode().toCode())
                .containsExactlyInAnyOrder("read", "vread", "history-instance", "search-type"); // made by $generate only
        assertThat(invoice.getOperation()).extracting(o -> o.getName()).contains("generate", "specification");
        assertThat(rest.getInteraction()).extracting(i -> i.getCode().toCode()).contains("transaction", "batch");
    }

    // ---- bad input ----

    @Test
    void When_MalformedJson_Expect_400OutcomeNothingStoredNoStackTrace() {
        long before = count("Patient");
        FhirHttp.Response r = http.post("Patient", "{\"resourceType\":\"Patient\",\"identifier\":[{\"system\":");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.resource()).isInstanceOf(OperationOutcome.class);
        assertNoStackTrace(r);
        assertThat(count("Patient")).isEqualTo(before);
    }

    @Test
    void When_UnknownElement_Expect_400() {
        FhirHttp.Response r = http.post("Patient", "{\"resourceType\":\"Patient\",\"colour\":\"blue\"}");
        assertThat(r.status()).isEqualTo(400);
        assertNoStackTrace(r);
    }

    @Test
    void When_XmlBody_Expect_AcceptedLikeJson() {
        String xml = "<Patient xmlns=\"http://hl7.org/fhir\"><identifier><system value=\"" + SID + "\"/><value value=\"xml-"
                + run + "\"/></identifier></Patient>";
        FhirHttp.Response r = http.post("Patient", xml, "Content-Type", "application/fhir+xml");
        assertThat(r.status()).isEqualTo(201);
        assertThat(count("Patient?identifier=" + SID + "|xml-" + run)).isEqualTo(1);
    }

    @Test
    void When_BodyTypeDiffersFromUrl_Expect_400AndNothingStored() {
        FhirHttp.Response r = http.post("Task", patient("wrongtype-" + run));
        assertThat(r.status()).isEqualTo(400);
        assertNoStackTrace(r);
        assertThat(count("Patient?identifier=" + SID + "|wrongtype-" + run)).isZero();
    }

    @Test
    void When_UpdateBodyIdDiffersFromUrl_Expect_400AndNothingWritten() {
        String id = created(patient("idmismatch-" + run));
        Patient p = patient("idmismatch-" + run);
        p.setId("some-other-id");
        FhirHttp.Response r = http.put("Patient/" + id, p);
        assertThat(r.status()).isEqualTo(400);
        assertThat(http.get("Patient/" + id).as(Patient.class).getMeta().getVersionId()).isEqualTo("1");
    }

    @Test
    void When_BodyOverLimitWithContentLength_Expect_413AndNothingStored() {
        FhirHttp.Response r = http.post("Patient", bigPatient("big-" + run));
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.resource()).isInstanceOf(OperationOutcome.class);
        assertThat(count("Patient?identifier=" + SID + "|big-" + run)).isZero();
    }

    @Test
    void When_ChunkedBodyOverLimit_Expect_413AndNothingStored() {
        byte[] body = FhirHttp.encode(bigPatient("bigchunk-" + run)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        FhirHttp.Response r = http.send("POST", "Patient",
                HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)),
                "Content-Type", FhirHttp.JSON);
        assertThat(r.status()).isEqualTo(413);
        assertThat(count("Patient?identifier=" + SID + "|bigchunk-" + run)).isZero();
    }

    @Test
    void When_Health_Expect_UpWithDatabaseReachable() {
        FhirHttp.Response r = http.get(server.baseUrl().replace("/fhir", "/health"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("\"database\":\"reachable\"");
    }

    // ---- helpers ----

    private void loadFixture() {
        Bundle tx = new Bundle().setType(BundleType.TRANSACTION);
        Organization home = new Organization().setName("Karlstad kommun hemsjukvård " + run);
        home.addType(new CodeableConcept(new Coding(ORG_TYPE, "municipal-home-care", null)));
        Organization ward = new Organization().setName("Västerås sjukhus avd 5");
        ward.addType(new CodeableConcept(new Coding(ORG_TYPE, "region-ward", null)));
        add(tx, "org-home", home);
        add(tx, "org-ward", ward);
        add(tx, "patient-1", new Patient());
        add(tx, "patient-2", new Patient());
        CarePlan cp = new CarePlan().setStatus(CarePlan.CarePlanStatus.ACTIVE).setIntent(CarePlan.CarePlanIntent.PLAN)
                .setSubject(ref("patient-1"));
        cp.addCategory(new CodeableConcept(new Coding("http://vardbrygga.example/fhir/CodeSystem/careplan-category", "sip", null)));
        add(tx, "careplan-1", cp);
        // patient-1's consent covers the home-care unit task-1 goes to, so it is not held (R-CON-1)
        Consent consentOfPatient1 = new Consent().setStatus(Consent.ConsentState.ACTIVE).setPatient(ref("patient-1"));
        consentOfPatient1.getProvision().setType(Consent.ConsentProvisionType.PERMIT).addActor().setReference(ref("org-home"))
                .setRole(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "IRCP", null)));
        add(tx, "consent-2", consentOfPatient1);
        add(tx, "task-1", new Task().setIntent(Task.TaskIntent.ORDER).setStatus(Task.TaskStatus.REQUESTED).setFor(ref("patient-1"))
                .setOwner(ref("org-home")).setRequester(ref("org-ward")).setFocus(ref("careplan-1"))
                .setCode(code("home-visit")).setAuthoredOnElement(new DateTimeType("2026-11-20T10:00:00Z")));
        add(tx, "task-2", new Task().setIntent(Task.TaskIntent.ORDER).setStatus(Task.TaskStatus.COMPLETED).setFor(ref("patient-1"))
                .setOwner(ref("org-home")).setCode(code("delegation"))
                .setAuthoredOnElement(new DateTimeType("2026-11-21T10:00:00Z")));
        // the patient's consent covers the units of task-3 before it is written, so it is not held (R-CON-1)
        Consent consent = new Consent().setStatus(Consent.ConsentState.ACTIVE).setPatient(ref("patient-2"));
        consent.getProvision().setType(Consent.ConsentProvisionType.PERMIT);
        consent.getProvision().addActor().setReference(ref("org-home"))
                .setRole(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "IRCP", null)));
        consent.getProvision().addActor().setReference(ref("org-ward"))
                .setRole(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "IRCP", null)));
        add(tx, "consent-1", consent);
        Task sipInvitation = new Task().setIntent(Task.TaskIntent.ORDER).setStatus(Task.TaskStatus.REQUESTED).setFor(ref("patient-2"))
                .setOwner(ref("org-ward")).setCode(code("sip-invitation"))
                .setBusinessStatus(new CodeableConcept(new Coding("http://vardbrygga.example/fhir/CodeSystem/delivery-status", "queued", null)))
                .setAuthoredOnElement(new DateTimeType("2026-11-23T10:00:00Z"));
        sipInvitation.getRestriction().getPeriod().setEndElement(new DateTimeType("2026-11-26"));
        sipInvitation.addInput().setValue(new org.hl7.fhir.r4.model.DateType("2026-11-27")).getType().addCoding()
                .setSystem("http://vardbrygga.example/fhir/CodeSystem/task-parameter-type").setCode("discharge-ready-date");
        add(tx, "task-3", sipInvitation);
        Communication comm = new Communication().setStatus(Communication.CommunicationStatus.COMPLETED).setSubject(ref("patient-1"));
        comm.addRecipient(ref("org-ward"));
        comm.addCategory(new CodeableConcept(new Coding("http://vardbrygga.example/fhir/CodeSystem/communication-category", "sbar-handover", null)));
        add(tx, "comm-1", comm);
        add(tx, "enc-1", new Encounter().setStatus(Encounter.EncounterStatus.INPROGRESS)
                .setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "IMP", null))
                .setSubject(ref("patient-1")).setPeriod(new Period().setStartElement(new DateTimeType("2026-11-10"))));
        add(tx, "enc-2", new Encounter().setStatus(Encounter.EncounterStatus.FINISHED)
                .setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", null))
                .setSubject(ref("patient-2")).setPeriod(new Period().setStartElement(new DateTimeType("2026-11-01T08:00:00Z"))
                        .setEndElement(new DateTimeType("2026-11-01T09:00:00Z"))));
        add(tx, "ep-1", new Endpoint().setStatus(Endpoint.EndpointStatus.ACTIVE).setAddress("http://localhost:9101")
                .setConnectionType(new Coding("http://vardbrygga.example/fhir/CodeSystem/endpoint-type", "cosmic-link", null))
                .setManagingOrganization(ref("org-ward")).addPayloadType(new CodeableConcept().setText("any")));
        add(tx, "ep-2", new Endpoint().setStatus(Endpoint.EndpointStatus.ACTIVE).setAddress("http://localhost:9104")
                .setConnectionType(new Coding("http://vardbrygga.example/fhir/CodeSystem/endpoint-type", "lifecare-sp", null))
                .setManagingOrganization(ref("org-home")).addPayloadType(new CodeableConcept().setText("any")));

        Bundle response = http.post("", tx).as(Bundle.class);
        for (int i = 0; i < response.getEntry().size(); i++) {
            BundleEntryComponent e = response.getEntry().get(i);
            assertThat(e.getResponse().getStatus()).isEqualTo("201 Created");
            String key = ((Identifier) tx.getEntry().get(i).getResource().getNamedProperty("identifier").getValues().get(0)).getValue();
            ids.put(key, new org.hl7.fhir.r4.model.IdType(e.getResponse().getLocation()).getIdPart());
        }
    }

    /** Adds an entry whose identifier is (fixtureSid, key). */
    private void add(Bundle tx, String key, Resource resource) {
        Identifier id = new Identifier().setSystem(fixtureSid).setValue(key);
        resource.setProperty("identifier", id);
        tx.addEntry().setFullUrl("urn:uuid:" + key + "-" + run).setResource(resource).getRequest()
                .setMethod(HTTPVerb.POST).setUrl(resource.fhirType());
    }

    private Reference ref(String key) {
        return new Reference("urn:uuid:" + key + "-" + run);
    }

    private static CodeableConcept code(String code) {
        return new CodeableConcept(new Coding(TASK_CODE, code, null));
    }

    static Patient patient(String identifier) {
        Patient p = new Patient();
        p.addIdentifier().setSystem(SID).setValue(identifier);
        return p;
    }

    static Task task(String identifier) {
        Task t = new Task().setStatus(Task.TaskStatus.REQUESTED).setIntent(Task.TaskIntent.ORDER);
        t.addIdentifier().setSystem(SID).setValue(identifier);
        return t;
    }

    private static Patient bigPatient(String identifier) {
        Patient p = patient(identifier);
        for (int i = 0; i < 5000; i++) {
            p.addName().setFamily("Efternamn" + i);
        }
        return p;
    }

    /** Replaces {key} with the fixture id of that key and {sid} with the fixture's identifier system. */
    private String resolve(String query) {
        String q = query.replace("{sid}", fixtureSid);
        for (Map.Entry<String, String> e : ids.entrySet()) {
            q = q.replace("{" + e.getKey() + "}", e.getValue());
        }
        return q;
    }

    String created(Resource resource) {
        FhirHttp.Response r = http.post(resource.fhirType(), resource);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.resource().getIdElement().getIdPart();
    }

    long count(String query) {
        return http.count(query);
    }

    /** The identifier values of the matches. */
    Set<String> ids(String query) {
        return new LinkedHashSet<>(orderedIds(query));
    }

    /** The fixture keys of the matches (resources other tests created are left out). */
    Set<String> fixtureIds(String query) {
        return orderedIdentifiers(query).stream().filter(id -> id.getSystem().equals(fixtureSid))
                .map(Identifier::getValue).collect(Collectors.toSet());
    }

    List<String> orderedIds(String query) {
        return orderedIdentifiers(query).stream().map(Identifier::getValue).toList();
    }

    private List<Identifier> orderedIdentifiers(String query) {
        FhirHttp.Response r = http.get(query + (query.contains("?") ? "&" : "?") + "_count=100");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.as(Bundle.class).getEntry().stream()
                .filter(e -> e.getSearch().getMode() == Bundle.SearchEntryMode.MATCH)
                .map(e -> (Identifier) e.getResource().getNamedProperty("identifier").getValues().get(0))
                .toList();
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void assertNoStackTrace(FhirHttp.Response r) {
        assertThat(r.body()).doesNotContain("\tat ", ".java:", "Exception:");
    }
}
