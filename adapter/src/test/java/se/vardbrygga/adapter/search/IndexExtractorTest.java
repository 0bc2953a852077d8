package se.vardbrygga.adapter.search;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import se.vardbrygga.adapter.search.IndexEntry.DateRange;
import se.vardbrygga.adapter.search.IndexEntry.Ref;
import se.vardbrygga.adapter.search.IndexEntry.Text;
import se.vardbrygga.adapter.search.IndexEntry.Token;

class IndexExtractorTest {
    private static final String TASK_STATUS = "http://hl7.org/fhir/task-status";
    private static final String SNOMED = "http://snomed.info/sct";

    private final IndexExtractor extractor =
            new IndexExtractor(FhirContext.forR4Cached(), SearchParamRegistry.standard());

    @Test
    void When_TaskIdentifier_Expect_TokenWithSystem() {
        Task task = new Task();
        task.addIdentifier().setSystem("urn:oid:1.2.752.1").setValue("T-1");
        task.addIdentifier().setSystem("urn:oid:1.2.752.2"); // no value: no row

        assertThat(rows(task, "identifier")).containsExactly(new Token("identifier", "urn:oid:1.2.752.1", "T-1"));
    }

    @Test
    void When_TaskStatus_Expect_TokenWithTaskStatusSystem() {
        Task task = new Task().setStatus(Task.TaskStatus.INPROGRESS);

        assertThat(rows(task, "status")).containsExactly(new Token("status", TASK_STATUS, "in-progress"));
    }

    @Test
    void When_TaskCode_Expect_TokenPerCoding() {
        Task task = new Task().setCode(new CodeableConcept()
                .addCoding(new Coding(SNOMED, "3457005", "Remiss"))
                .addCoding(new Coding(null, "local-1", null))
                .setText("text only, no row"));

        assertThat(rows(task, "code")).containsExactly(
                new Token("code", SNOMED, "3457005"), new Token("code", null, "local-1"));
    }

    @Test
    void When_TaskOwnerRequesterFocus_Expect_RefRows() {
        Task task = new Task()
                .setOwner(new Reference("Organization/org-1"))
                .setRequester(new Reference("Practitioner/pr-1"))
                .setFocus(new Reference("ServiceRequest/sr-1"));

        assertThat(extractor.extract(task)).containsExactlyInAnyOrder(
                new Ref("owner", "Organization", "org-1"),
                new Ref("requester", "Practitioner", "pr-1"),
                new Ref("focus", "ServiceRequest", "sr-1"));
    }

    @Test
    void When_TaskForPatient_Expect_PatientAndSubjectRows() {
        Task task = new Task().setFor(new Reference("Patient/1"));

        assertThat(rows(task, "patient")).containsExactly(new Ref("patient", "Patient", "1"));
        assertThat(rows(task, "subject")).containsExactly(new Ref("subject", "Patient", "1"));
    }

    @Test
    void When_TaskForGroup_Expect_OnlySubjectRow() {
        Task task = new Task().setFor(new Reference("Group/1"));

        assertThat(rows(task, "patient")).isEmpty();
        assertThat(rows(task, "subject")).containsExactly(new Ref("subject", "Group", "1"));
    }

    @Test
    void When_AuthoredOnIsADate_Expect_RangeCoveringTheWholeDay() {
        Task task = new Task().setAuthoredOnElement(new DateTimeType("2026-11-25"));
        long startOfDay = LocalDate.of(2026, 11, 25).atStartOfDay(ZoneId.systemDefault()).toInstant().toEpochMilli();

        assertThat(rows(task, "authored-on")).singleElement().isInstanceOfSatisfying(DateRange.class, range -> {
            assertThat(range.low()).isEqualTo(startOfDay);
            assertThat(range.high() - range.low()).isEqualTo(86_399_999L);
        });
    }

    @Test
    void When_EncounterPeriodWithoutEnd_Expect_HighIsMax() {
        Encounter encounter = new Encounter()
                .setPeriod(new Period().setStartElement(new DateTimeType("2026-11-25T08:00:00Z")));

        assertThat(rows(encounter, "date")).containsExactly(
                new DateRange("date", Instant.parse("2026-11-25T08:00:00Z").toEpochMilli(), DateRanges.MAX));
    }

    @Test
    void When_PatientName_Expect_NormalizedAndExactRowsForFamilyAndGiven() {
        Patient patient = new Patient();
        patient.addName().setFamily("Åström").addGiven("Märta").addGiven("Eva");

        Text family = new Text("family", "astrom", "Åström");
        Text marta = new Text("given", "marta", "Märta");
        Text eva = new Text("given", "eva", "Eva");
        assertThat(rows(patient, "family")).containsExactly(family);
        assertThat(rows(patient, "given")).containsExactly(marta, eva);
        assertThat(rows(patient, "name")).containsExactly(
                new Text("name", "astrom", "Åström"), new Text("name", "marta", "Märta"), new Text("name", "eva", "Eva"));
    }

    @Test
    void When_PatientActive_Expect_BooleanTokenWithoutSystem() {
        Patient patient = new Patient().setActive(true);

        assertThat(rows(patient, "active")).containsExactly(new Token("active", null, "true"));
    }

    @Test
    void When_OrganizationType_Expect_Token() {
        String system = "http://terminology.hl7.org/CodeSystem/organization-type";
        Organization organization = new Organization();
        organization.addType().addCoding(new Coding(system, "prov", "Healthcare Provider"));

        assertThat(rows(organization, "type")).containsExactly(new Token("type", system, "prov"));
    }

    @Test
    void When_ConsentProvisionActor_Expect_ActorRef() {
        Consent consent = new Consent().setPatient(new Reference("Patient/p-1"));
        consent.getProvision().addActor().setReference(new Reference("PractitionerRole/role-1"));

        assertThat(rows(consent, "actor")).containsExactly(new Ref("actor", "PractitionerRole", "role-1"));
        assertThat(rows(consent, "patient")).containsExactly(new Ref("patient", "Patient", "p-1"));
    }

    @Test
    void When_ReferencesContainedOrPlaceholder_Expect_NoRows() {
        Task task = new Task()
                .setOwner(new Reference("#org"))
                .setRequester(new Reference("urn:uuid:6f2c4b0e-1a2b-4c3d-9e8f-0a1b2c3d4e5f"))
                .setFocus(new Reference().setDisplay("display only"));

        assertThat(extractor.extract(task)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"http://host/fhir/Patient/5, patient", "Patient/5/_history/2, patient"})
    void When_AbsoluteOrVersionedReference_Expect_TypeAndId(String reference, String param) {
        Task task = new Task().setFor(new Reference(reference));

        assertThat(rows(task, param)).containsExactly(new Ref(param, "Patient", "5"));
    }

    @ParameterizedTest
    @CsvSource({"Patient/5, Patient, 5", "http://host/fhir/Patient/5, Patient, 5",
            "Patient/5/_history/2, Patient, 5", "https://x.se/base/r4/Organization/org-1/_history/9, Organization, org-1"})
    void When_ParseReference_Expect_TypeAndId(String reference, String type, String id) {
        assertThat(IndexExtractor.parseReference(reference)).hasValueSatisfying(
                parsed -> assertThat(parsed).containsExactly(type, id));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"#x", "urn:uuid:6f2c4b0e-1a2b-4c3d-9e8f-0a1b2c3d4e5f", "urn:oid:1.2.3", "Patient",
            "patient/5", "Patient/", "Patient?identifier=x|1", "   "})
    void When_ParseReferenceWithoutTarget_Expect_Empty(String reference) {
        assertThat(IndexExtractor.parseReference(reference)).isEmpty();
    }

    @Test
    void When_ParseReferenceIdLongerThan64_Expect_Empty() {
        assertThat(IndexExtractor.parseReference("Patient/" + "a".repeat(64))).isPresent();
        assertThat(IndexExtractor.parseReference("Patient/" + "a".repeat(65))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"Västerås, vasteras", "'  ÅSTRÖM ', astrom", "Ängelholm, angelholm", "José Ñúñez, jose nunez",
            "already plain, already plain"})
    void When_Normalize_Expect_LowerCaseWithoutAccents(String input, String expected) {
        assertThat(IndexExtractor.normalize(input)).isEqualTo(expected);
    }

    @Test
    void When_ValueLongerThanMaxLength_Expect_Clipped() {
        Task task = new Task();
        task.addIdentifier().setSystem("urn:sys").setValue("x".repeat(IndexExtractor.MAX_LENGTH + 10));

        assertThat(rows(task, "identifier")).singleElement().isInstanceOfSatisfying(Token.class,
                token -> assertThat(token.code()).hasSize(IndexExtractor.MAX_LENGTH));
    }

    @Test
    void When_TypeNotInRegistry_Expect_NoRows() {
        Observation observation = new Observation();
        observation.setSubject(new Reference("Patient/1"));
        observation.getCode().addCoding(new Coding(SNOMED, "1", null));

        assertThat(extractor.extract(observation)).isEmpty();
    }

    private List<IndexEntry> rows(IBaseResource resource, String param) {
        return extractor.extract(resource).stream().filter(e -> e.param().equals(param)).toList();
    }

    @Test
    void When_AnyRegisteredTypeEmpty_Expect_ExtractDoesNotThrow() {
        FhirContext ctx = FhirContext.forR4Cached();
        for (String type : SearchParamRegistry.standard().resourceTypes()) {
            IBaseResource empty = ctx.getResourceDefinition(type).newInstance();
            assertThat(extractor.extract(empty)).as(type).isEmpty();
        }
    }

    @Test
    void When_ServiceRequestOccurrenceDateTime_Expect_DateRow() {
        org.hl7.fhir.r4.model.ServiceRequest sr = new org.hl7.fhir.r4.model.ServiceRequest();
        sr.setOccurrence(new DateTimeType("2026-11-25T10:00:00Z"));
        assertThat(extractor.extract(sr)).filteredOn(e -> e.param().equals("occurrence")).hasSize(1);
    }
}
