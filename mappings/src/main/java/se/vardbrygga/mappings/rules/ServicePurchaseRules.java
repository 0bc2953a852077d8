package se.vardbrygga.mappings.rules;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import se.vardbrygga.mappings.Codes;
import se.vardbrygga.profiles.Canonical;

/**
 * Service-purchase requests, decided when made: a Västmanland staff purchase does not include HSL tasks such as
 * medication handling or wound care (R-DEL-3), and no staff are bought for a stay that Försäkringskassan's
 * assistance compensation covers (R-CMP-7).
 */
final class ServicePurchaseRules {
    /** R-DEL-3: the HSL tasks a Västmanland staff purchase leaves out. */
    static final Set<String> HSL_TASKS = Set.of("medication-handling", "wound-care");

    private ServicePurchaseRules() {
    }

    static boolean isRequest(Task task) {
        return Codes.hasCoding(task.getCode(), Canonical.TASK_CODE, "service-purchase-request");
    }

    static void check(Task task, Optional<Resource> before, Facts facts, List<RuleViolation> out) {
        if (before.isPresent()) {
            return; // the executor accepts or declines by an update
        }
        if (region(task).filter("vastmanland"::equals).isPresent()) {
            boolean hsl = task.getInput().stream()
                    .filter(i -> Codes.hasCoding(i.getType(), Canonical.TASK_PARAMETER_TYPE, "purchased-task"))
                    .anyMatch(i -> i.getValue() instanceof CodeableConcept c && c.getCoding().stream()
                            .anyMatch(code -> Canonical.PURCHASED_TASK_KIND.equals(code.getSystem()) && HSL_TASKS.contains(code.getCode())));
            if (hsl) {
                out.add(new RuleViolation("R-DEL-3", "Task.input", "A Västmanland staff purchase does not include HSL tasks "
                        + "such as medication handling or wound care; the region keeps them (R-DEL-3)"));
            }
        }
        String patient = task.getFor().getReference();
        if (patient != null && InpatientStay.ongoingFor(patient, facts).stream()
                .anyMatch(stay -> PersonalAssistance.of(stay).map(PersonalAssistance::compensationGranted).orElse(false))) {
            out.add(new RuleViolation("R-CMP-7", "Task.for", "The patient has assistance compensation granted for the hospital "
                    + "stay: the assistance continues and no staff are bought (R-CMP-7)"));
        }
    }

    /** The region of the request: input region, a code of the region code system. */
    static Optional<String> region(Task task) {
        return task.getInput().stream()
                .filter(i -> Codes.hasCoding(i.getType(), Canonical.TASK_PARAMETER_TYPE, "region"))
                .map(i -> i.getValue()).filter(CodeableConcept.class::isInstance).map(CodeableConcept.class::cast)
                .flatMap(c -> c.getCoding().stream()).filter(c -> Canonical.REGION.equals(c.getSystem()))
                .map(c -> c.getCode()).findFirst();
    }
}
