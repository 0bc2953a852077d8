package se.vardbrygga.adapter.validation;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.utilities.validation.ValidationMessage;
import org.junit.jupiter.api.Test;
import se.vardbrygga.profiles.Canonical;
import se.vardbrygga.profiles.ProfileValidationSupport;

class InstanceValidatorPoolTest {
    private static final FhirContext FHIR = FhirContext.forR4Cached();

    private static String json(String exampleId) {
        Resource example = ProfileExamples.all().stream()
                .filter(r -> r.getIdElement().getIdPart().equals(exampleId)).findFirst().orElseThrow();
        return FHIR.newJsonParser().encodeResourceToString(example);
    }

    private static boolean hasErrors(List<ValidationMessage> messages) {
        return messages.stream().anyMatch(m -> m.getLevel() == ValidationMessage.IssueSeverity.ERROR
                || m.getLevel() == ValidationMessage.IssueSeverity.FATAL);
    }

    @Test
    void When_ValidatorReachesItsMaximumUses_Expect_ItIsReplacedAndStillValidates() {
        InstanceValidatorPool pool = new InstanceValidatorPool(
                ProfileValidationSupport.chain(FHIR, ProfileValidationSupport.projectPackage(FHIR)), 3);
        String valid = json("vb-delegation-task-example");
        String invalid = json("invalid-vb-del-max-year");
        List<String> profile = List.of(Canonical.BASE + "/StructureDefinition/vb-delegation-task");

        for (int i = 0; i < 7; i++) {
            assertThat(hasErrors(pool.validate(valid, profile))).as("validation %d of the valid example", i).isFalse();
        }
        assertThat(pool.validatorsBuilt()).isEqualTo(3); // uses 1-3, 4-6, 7: one thread, one slot
        assertThat(hasErrors(pool.validate(invalid, profile))).isTrue();
    }

    @Test
    void When_MoreThreadsValidateThanTheBound_Expect_TheyWaitAndOneValidatorServesThem() throws Exception {
        InstanceValidatorPool pool = new InstanceValidatorPool(
                ProfileValidationSupport.chain(FHIR, ProfileValidationSupport.projectPackage(FHIR)), 100, 1);
        String valid = json("vb-delegation-task-example");
        List<String> profile = List.of(Canonical.BASE + "/StructureDefinition/vb-delegation-task");
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(threads.submit(() -> {
                    start.await();
                    boolean allValid = true;
                    for (int i = 0; i < 5; i++) {
                        allValid &= !hasErrors(pool.validate(valid, profile));
                    }
                    return allValid;
                }));
            }
            start.countDown();
            for (var result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
        // unbounded, the four threads overlap and each builds a validator of its own
        assertThat(pool.validatorsBuilt()).isEqualTo(1);
    }

    @Test
    void When_AnUnknownResourceTypeIsParsedTwice_Expect_AnErrorBothTimes_AndKnownTypesStillValidate() {
        InstanceValidatorPool pool = new InstanceValidatorPool(
                ProfileValidationSupport.chain(FHIR, ProfileValidationSupport.projectPackage(FHIR)), 100, 1);
        List<String> profile = List.of(Canonical.BASE + "/StructureDefinition/vb-delegation-task");
        String unknown = "{\"resourceType\": \"Taskk\", \"status\": \"requested\"}";

        assertThat(hasErrors(pool.validate(unknown, profile))).isTrue();
        assertThat(hasErrors(pool.validate(json("vb-delegation-task-example"), profile))).isFalse();
        assertThat(hasErrors(pool.validate(unknown, profile))).as("not remembered as found").isTrue();
        assertThat(hasErrors(pool.validate(json("invalid-vb-del-max-year"), profile))).isTrue();
    }
}
