package se.vardbrygga.adapter.validation;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.utilities.validation.ValidationMessage;
import org.junit.jupiter.api.Test;
import se.vardbrygga.profiles.Canonical;

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
                ProfileValidator.supportChain(FHIR, ProfileValidator.projectPackage(FHIR)), 3);
        String valid = json("vb-delegation-task-example");
        String invalid = json("invalid-vb-del-max-year");
        List<String> profile = List.of(Canonical.BASE + "/StructureDefinition/vb-delegation-task");

        for (int i = 0; i < 7; i++) {
            assertThat(hasErrors(pool.validate(valid, profile))).as("validation %d of the valid example", i).isFalse();
        }
        assertThat(pool.validatorsBuilt()).isEqualTo(3); // uses 1-3, 4-6, 7: one thread, one slot
        assertThat(hasErrors(pool.validate(invalid, profile))).isTrue();
    }
}
