package se.vardbrygga.conformance.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FhirLocationTest {

    @Test
    void When_AbsoluteLocationWithHistory_Expect_Id() {
        assertThat(FhirLocation.idOf("Task", "http://localhost:8080/fhir/Task/abc-1.2/_history/3")).contains("abc-1.2");
    }

    @Test
    void When_RelativeLocationWithoutHistory_Expect_Id() {
        assertThat(FhirLocation.idOf("Task", "Task/42")).contains("42");
    }

    @Test
    void When_LocationIsOtherTypeOrGarbage_Expect_Empty() {
        assertThat(FhirLocation.idOf("Task", "http://localhost/fhir/Patient/42/_history/1")).isEmpty();
        assertThat(FhirLocation.idOf("Task", "http://localhost/fhir/Task")).isEmpty();
        assertThat(FhirLocation.idOf("Task", "http://localhost/fhir/Task/a b")).isEmpty();
        assertThat(FhirLocation.idOf("Task", "")).isEmpty();
        assertThat(FhirLocation.idOf("Task", null)).isEmpty();
    }

    @Test
    void When_TaskJsonBuilt_Expect_RequiredElements() {
        String json = CreateReadScenario.taskJson(java.util.UUID.fromString("00000000-0000-0000-0000-000000000001"),
                java.time.Instant.parse("2025-01-02T03:04:05.678Z"),
                new LoadFixture("Patient/p", "Organization/w", "Organization/h", "PractitionerRole/r"));

        assertThat(json).startsWith("{\"resourceType\":\"Task\"")
                .contains("\"value\":\"00000000-0000-0000-0000-000000000001\"", "\"authoredOn\":\"2025-01-02T03:04:05.678Z\"");
    }

    @Test
    void When_NowIsWritten_Expect_SecondsAndMillisecondsAlways() {
        // OffsetDateTime.toString() would write 2026-11-25T17:19Z at a full minute: not a FHIR dateTime (a server answered 500)
        assertThat(JsonTemplate.now()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
    }
}
