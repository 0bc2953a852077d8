package se.vardbrygga.adapter.server;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;

class TimePrecisionInterceptorTest {
    private static final FhirContext FHIR = FhirContext.forR4Cached();

    private static Bundle bundle(String resource) {
        return FHIR.newJsonParser().parseResource(Bundle.class, """
                {"resourceType": "Bundle", "type": "transaction", "entry": [
                  {"resource": {"resourceType": "Patient", "birthDate": "1944-03-27"}},
                  {"resource": %s}]}""".formatted(resource));
    }

    @Test
    void When_NestedTimeLacksSeconds_Expect_ItsPathWithEntryIndex() {
        Bundle b = bundle("""
                {"resourceType": "Task", "authoredOn": "2026-11-25T17:19:00Z",
                 "restriction": {"period": {"start": "2026-11-25", "end": "2026-11-26T08:30+01:00"}}}""");

        var found = TimePrecisionInterceptor.firstWithoutSeconds(b, "Bundle").orElseThrow();

        assertThat(found.expression()).isEqualTo("Bundle.entry[1].resource.restriction.period.end");
        assertThat(found.text()).isEqualTo("2026-11-26T08:30+01:00");
    }

    @Test
    void When_ChoiceLacksSeconds_Expect_ItNamedByItsType() {
        Bundle b = bundle("""
                {"resourceType": "ServiceRequest", "occurrenceDateTime": "2026-11-25T17:19Z"}""");

        assertThat(TimePrecisionInterceptor.firstWithoutSeconds(b, "Bundle").orElseThrow().expression())
                .isEqualTo("Bundle.entry[1].resource.occurrenceDateTime");
    }

    @Test
    void When_EveryTimeHasSecondsOrNoTime_Expect_Nothing() {
        Bundle b = bundle("""
                {"resourceType": "Task", "authoredOn": "2026-11-25T17:19:00.123+01:00", "lastModified": "2026-11",
                 "executionPeriod": {"start": "2026"}}""");

        assertThat(TimePrecisionInterceptor.firstWithoutSeconds(b, "Bundle")).isEmpty();
    }
}
