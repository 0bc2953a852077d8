package se.vardbrygga.adapter.validation;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r5.model.StructureDefinition;
import org.junit.jupiter.api.Test;

class CachingWorkerContextTest {
    private static final FhirContext R4 = FhirContext.forR4Cached();
    private static final String PATIENT = "http://hl7.org/fhir/StructureDefinition/Patient";

    private final AtomicInteger asked = new AtomicInteger();
    private final IValidationSupport counting = new DefaultProfileValidationSupport(R4) {
        @Override
        public <T extends IBaseResource> T fetchResource(Class<T> type, String uri) {
            asked.incrementAndGet();
            return super.fetchResource(type, uri);
        }
    };

    @Test
    void When_AStructureIsFetchedTwice_Expect_TheChainAskedOnceAndTheSameInstance() {
        CachingWorkerContext worker = new CachingWorkerContext(counting);

        StructureDefinition first = worker.fetchResource(StructureDefinition.class, PATIENT);
        StructureDefinition second = worker.fetchResource(StructureDefinition.class, PATIENT);

        assertThat(first).isNotNull().isSameAs(second);
        assertThat(first.getUrl()).isEqualTo(PATIENT);
        assertThat(asked).hasValue(1);
    }

    @Test
    void When_AStructureIsUnknown_Expect_NullAndTheChainAskedEachTime() {
        CachingWorkerContext worker = new CachingWorkerContext(counting);
        String unknown = "http://vardbrygga.example/fhir/StructureDefinition/no-such-profile";

        assertThat(worker.fetchResource(StructureDefinition.class, unknown)).isNull();
        assertThat(worker.fetchResource(StructureDefinition.class, unknown)).isNull();
        assertThat(asked).hasValue(2);
        assertThat(worker.fetchResource(StructureDefinition.class, null)).isNull();
    }
}
