package se.vardbrygga.adapter.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.OperationOutcome;

/** The form every refused request takes: 422 with an OperationOutcome naming the field and, for a rule, its id. */
final class Refusals {
    private Refusals() {
    }

    /** @param field the issue's expression (null: any); @param rule the rule id in its details (null or empty: any) */
    static void assertRefused(FhirHttp.Response r, String field, String rule) {
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        OperationOutcome oo = r.as(OperationOutcome.class);
        assertThat(oo.getIssue()).as(r.body()).anySatisfy(issue -> {
            if (field != null) {
                assertThat(issue.getExpression()).extracting(e -> e.getValue()).contains(field);
            }
            if (rule != null && !rule.isEmpty()) {
                assertThat(issue.getDetails().getCoding()).extracting(c -> c.getCode()).contains(rule);
            }
        });
    }
}
