package se.vardbrygga.adapter.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import se.vardbrygga.adapter.config.AdapterConfig;
import se.vardbrygga.adapter.fhir.SupportedResources;
import se.vardbrygga.adapter.server.AdapterServer;
import se.vardbrygga.adapter.validation.ProfileExamples;

/**
 * Profile validation on every write path over HTTP: create, update, transaction and batch. Every
 * invalid example of the package is refused with 422 and nothing is stored; every valid one is stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProfileValidationIT {
    private AdapterServer server;
    private FhirHttp http;

    @BeforeAll
    void start() throws Exception {
        server = AdapterServer.start(new AdapterConfig(new AdapterConfig.Server("127.0.0.1", 0, 1 << 20, ""),
                TestDatabases.h2(), new AdapterConfig.Validation(true), AdapterConfig.Jobs.OFF, AdapterConfig.Purchase.BUILT_IN, AdapterConfig.Routing.OFF,
                AdapterConfig.Outage.OFF, AdapterConfig.Security.OPEN));
        http = new FhirHttp(server.baseUrl());
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    static Stream<Resource> invalidExamples() {
        return ProfileExamples.invalid().stream();
    }

    /** The order a unit would write them in: the directory, then patients and stays, then what refers to them. */
    private static final List<String> DEPENDENCY_ORDER = List.of("Organization", "Endpoint", "Practitioner",
            "PractitionerRole", "Patient", "Encounter", "Consent", "CarePlan", "ServiceRequest", "DocumentReference",
            "Task", "Communication", "Contract", "ChargeItem");

    /**
     * The valid examples refer to each other (a delegation to its delegator's PractitionerRole, reported hours to
     * their agreement), and the domain rules resolve those references: they are sent together, in one transaction
     * whose entries' fullUrls are the examples' own Type/id, in dependency order. What only the server writes
     * (Invoice) is validated offline by ProfileExamplesTest.
     */
    @Test
    void When_ValidExamplesCreatedTogether_Expect_201Each() {
        Bundle tx = new Bundle().setType(BundleType.TRANSACTION);
        List<Resource> examples = ProfileExamples.valid().stream()
                .filter(r -> SupportedResources.writableNames().contains(r.fhirType()))
                .sorted(java.util.Comparator.comparingInt(r -> rank(r.fhirType())))
                .toList();
        for (Resource example : examples) {
            String typeAndId = example.fhirType() + "/" + example.getIdElement().getIdPart();
            tx.addEntry().setFullUrl(typeAndId).setResource(example.copy())
                    .getRequest().setMethod(HTTPVerb.POST).setUrl(example.fhirType());
        }

        FhirHttp.Response r = http.post("", tx);

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        Bundle response = r.as(Bundle.class);
        assertThat(response.getEntry()).hasSize(tx.getEntry().size())
                .allSatisfy(e -> assertThat(e.getResponse().getStatus()).isEqualTo("201 Created"));
    }

    private static int rank(String type) {
        int i = DEPENDENCY_ORDER.indexOf(type);
        return i < 0 ? DEPENDENCY_ORDER.size() : i;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidExamples")
    void When_InvalidExampleCreated_Expect_422WithKeyAndPathAndNothingStored(Resource example) {
        int before = count(example.fhirType());

        FhirHttp.Response r = http.post(example.fhirType(), example);

        assertThat(r.status()).as(r.body()).isEqualTo(422);
        OperationOutcome oo = r.as(OperationOutcome.class);
        assertThat(oo.getIssue()).anySatisfy(issue -> {
            assertThat(issue.getDiagnostics()).contains(ProfileExamples.expectedKey(example));
            assertThat(issue.getExpression()).isNotEmpty();
        });
        assertThat(count(example.fhirType())).isEqualTo(before);
    }

    @Test
    void When_ExamplesValidatedWithTheValidateOperation_Expect_200OutcomeErrorsOnlyForTheInvalidAndNothingStored() {
        for (Resource example : ProfileExamples.all()) {
            if (!SupportedResources.writableNames().contains(example.fhirType())) {
                continue;
            }
            int before = count(example.fhirType());

            FhirHttp.Response r = http.post(example.fhirType() + "/$validate", example);

            assertThat(r.status()).as(r.body()).isEqualTo(200);
            OperationOutcome oo = r.as(OperationOutcome.class);
            boolean invalid = example.getIdElement().getIdPart().startsWith("invalid-");
            if (invalid) {
                assertThat(oo.getIssue()).as(example.getIdElement().getIdPart()).anySatisfy(issue -> {
                    assertThat(issue.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
                    assertThat(issue.getDiagnostics()).contains(ProfileExamples.expectedKey(example));
                });
            } else {
                assertThat(oo.getIssue()).as(example.getIdElement().getIdPart())
                        .allSatisfy(issue -> assertThat(issue.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.INFORMATION));
            }
            assertThat(count(example.fhirType())).isEqualTo(before);
        }
    }

    @Test
    void When_UpdateMakesResourceInvalid_Expect_422AndVersionUnchanged() {
        // a home-visit Task: no domain rule resolves its references on create
        Resource valid = ProfileExamples.valid().stream()
                .filter(r -> r.getIdElement().getIdPart().equals("vb-home-visit-task-example")).findFirst().orElseThrow();
        Resource invalid = example(true, "Task");
        FhirHttp.Response created = http.post("Task", valid);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.resource().getIdElement().getIdPart();
        invalid.setId(id);

        FhirHttp.Response r = http.put("Task/" + id, invalid);

        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(http.get("Task/" + id).resource().getMeta().getVersionId()).isEqualTo("1");
    }

    @Test
    void When_TransactionHasOneInvalidEntry_Expect_422NamingEntryAndNothingStored() {
        Resource patient = example(false, "Patient");
        Resource invalid = example(true, "Task");
        int patients = count("Patient");
        Bundle tx = new Bundle().setType(BundleType.TRANSACTION);
        tx.addEntry().setResource(patient).getRequest().setMethod(HTTPVerb.POST).setUrl("Patient");
        tx.addEntry().setResource(invalid).getRequest().setMethod(HTTPVerb.POST).setUrl("Task");

        FhirHttp.Response r = http.post("", tx);

        assertThat(r.status()).as(r.body()).isEqualTo(422);
        OperationOutcome oo = r.as(OperationOutcome.class);
        assertThat(oo.getIssueFirstRep().getExpression().get(0).getValue()).isEqualTo("Bundle.entry[1]");
        // the entry's own issues as FHIRPath from the Bundle: Bundle.entry[1].resource…, not Bundle.entry[1].Task…
        assertThat(oo.getIssue().subList(1, oo.getIssue().size())).isNotEmpty().allSatisfy(issue ->
                assertThat(issue.getExpression().get(0).getValue()).startsWith("Bundle.entry[1].resource"));
        assertThat(count("Patient")).isEqualTo(patients);
    }

    /** FHIR's dateTime has seconds whenever it has a time; HAPI's parser keeps "T17:19Z" as minute precision. */
    private static final String MINUTE_PRECISION_TASK = """
            {"resourceType": "Task", "meta": {"profile": ["http://vardbrygga.example/fhir/StructureDefinition/vb-home-visit-task"]},
             "code": {"coding": [{"system": "http://vardbrygga.example/fhir/CodeSystem/task-code", "code": "home-visit"}]},
             "status": "requested", "intent": "order", "authoredOn": "2026-11-25T17:19Z",
             "for": {"reference": "Patient/p1"}, "owner": {"reference": "Organization/o1"}}""";

    @Test
    void When_DateTimeHasMinutesWithoutSeconds_Expect_400NamingTheFieldAndNothingStored() {
        int tasks = count("Task");

        FhirHttp.Response r = http.post("Task", MINUTE_PRECISION_TASK);

        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("authoredOn").contains("2026-11-25T17:19Z").doesNotContain("Exception");
        assertThat(count("Task")).isEqualTo(tasks);
    }

    @Test
    void When_TransactionEntryHasDateTimeWithoutSeconds_Expect_400NamingTheFieldAndNothingStored() {
        int tasks = count("Task");
        String tx = """
                {"resourceType": "Bundle", "type": "transaction", "entry": [
                  {"resource": %s, "request": {"method": "POST", "url": "Task"}}]}""".formatted(MINUTE_PRECISION_TASK);

        FhirHttp.Response r = http.post("", tx);

        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("Bundle.entry[0].resource.authoredOn").doesNotContain("Exception");
        assertThat(count("Task")).isEqualTo(tasks);
    }

    @Test
    void When_BatchHasOneInvalidEntry_Expect_ItReported422AndTheValidOneStored() {
        Bundle batch = new Bundle().setType(BundleType.BATCH);
        batch.addEntry().setResource(example(false, "Patient")).getRequest().setMethod(HTTPVerb.POST).setUrl("Patient");
        batch.addEntry().setResource(example(true, "Task")).getRequest().setMethod(HTTPVerb.POST).setUrl("Task");

        Bundle response = http.post("", batch).as(Bundle.class);

        assertThat(response.getEntry()).extracting(e -> e.getResponse().getStatus())
                .containsExactly("201 Created", "422 Unprocessable Entity");
    }

    private static Resource example(boolean invalid, String type) {
        List<Resource> matches = ProfileExamples.all().stream()
                .filter(r -> r.fhirType().equals(type) && ProfileExamples.isInvalid(r) == invalid)
                .toList();
        assertThat(matches).as("a %s %s example", invalid ? "invalid" : "valid", type).isNotEmpty();
        return matches.get(0);
    }

    private int count(String type) {
        return http.count(type);
    }
}
