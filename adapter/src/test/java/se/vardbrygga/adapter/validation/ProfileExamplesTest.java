package se.vardbrygga.adapter.validation;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example of the profile package: valid ones pass, each invalid one fails with its key. */
class ProfileExamplesTest {
    private static final ProfileValidator VALIDATOR = ProfileValidator.create(FhirContext.forR4Cached());

    static Stream<Resource> validExamples() {
        return ProfileExamples.valid().stream();
    }

    static Stream<Resource> invalidExamples() {
        return ProfileExamples.invalid().stream();
    }

    @Test
    void When_PackageLoaded_Expect_ValidAndInvalidExamplesPresent() {
        assertThat(validExamples().count()).isGreaterThanOrEqualTo(17);
        assertThat(invalidExamples().count()).isGreaterThanOrEqualTo(3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validExamples")
    void When_ValidExample_Expect_NoErrors(Resource example) {
        OperationOutcome outcome = VALIDATOR.check(example);
        assertThat(outcome.getIssue()).as(describe(outcome)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidExamples")
    void When_InvalidExample_Expect_RefusedWithItsKeyAndAPath(Resource example) {
        String key = ProfileExamples.expectedKey(example);
        OperationOutcome outcome = VALIDATOR.check(example);

        assertThat(outcome.getIssue()).as(describe(outcome))
                .anySatisfy(issue -> {
                    assertThat(issue.getDiagnostics()).contains(key);
                    assertThat(issue.getExpression()).isNotEmpty();
                });
    }

    // The rules of RULES.md that the profiles' invariants enforce, each refused through its invalid example.

    @Test
    void delegationLongerThanOneYearIsRefused_R_DEL_4() {
        assertRefusedWith("vb-del-max-year", "R-DEL-4");
    }

    @Test
    void delegationWithoutEndOfPeriodIsRefused_R_DEL_4() {
        assertRefusedWith("vb-del-period-end", "R-DEL-4");
    }

    @Test
    void homeVisitOrderLongerThanFourWeeksIsRefused_R_HV_1() {
        assertRefusedWith("vb-hv-period", "R-HV-1");
    }

    @Test
    void sbarHandoverWithoutExactlyOnePayloadPerSectionIsRefused_R_INFO_3() {
        assertRefusedWith("vb-sbar-sections", "R-INFO-3");
    }

    @Test
    void companionRequestRejectedWithoutReasonIsRefused_R_CMP_7() {
        assertRefusedWith("vb-cmp-reject", "R-CMP-7");
    }

    /** Refused with an issue that names the invariant and, in its text, the rule it serves. */
    private static void assertRefusedWith(String key, String ruleId) {
        Resource example = ProfileExamples.invalid().stream()
                .filter(r -> ProfileExamples.expectedKey(r).equals(key))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no example invalid-" + key));
        OperationOutcome outcome = VALIDATOR.check(example);
        assertThat(outcome.getIssue()).as(describe(outcome))
                .anySatisfy(issue -> {
                    assertThat(issue.getDiagnostics()).contains(key, ruleId);
                    assertThat(issue.getDetails().getCoding())
                            .anySatisfy(c -> {
                                assertThat(c.getSystem()).isEqualTo(se.vardbrygga.profiles.Canonical.RULE);
                                assertThat(c.getCode()).isEqualTo(ruleId);
                            });
                });
    }

    /** The pooled validators are reused: no state may leak from one validation into the next. */
    @Test
    void When_ValidatorsReusedInAnyOrderAndConcurrently_Expect_SameVerdicts() throws Exception {
        java.util.List<Resource> all = ProfileExamples.all();
        java.util.Map<String, Boolean> sequential = new java.util.HashMap<>();
        for (int round = 0; round < 3; round++) {
            java.util.List<Resource> shuffled = new java.util.ArrayList<>(all);
            java.util.Collections.shuffle(shuffled, new java.util.Random(round));
            for (Resource r : shuffled) {
                boolean valid = !VALIDATOR.check(r).hasIssue();
                assertThat(valid).as(r.getIdElement().getIdPart()).isEqualTo(!ProfileExamples.isInvalid(r));
                sequential.put(r.getIdElement().getIdPart(), valid);
            }
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<Boolean>> verdicts = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                for (Resource r : all) {
                    verdicts.add(pool.submit(() -> !VALIDATOR.check(r).hasIssue()));
                }
            }
            for (int i = 0; i < verdicts.size(); i++) {
                Resource r = all.get(i % all.size());
                assertThat(verdicts.get(i).get()).as(r.getIdElement().getIdPart())
                        .isEqualTo(sequential.get(r.getIdElement().getIdPart()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static String describe(OperationOutcome outcome) {
        StringBuilder s = new StringBuilder();
        outcome.getIssue().forEach(i -> s.append("\n  ").append(i.getExpression()).append(": ").append(i.getDiagnostics()));
        return s.toString();
    }
}
