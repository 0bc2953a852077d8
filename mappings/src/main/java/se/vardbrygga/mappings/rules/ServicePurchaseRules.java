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
 * Service-purchase requests: signed, or marked as the exception signed afterwards, and stating within what time
 * the assignment is done (R-TK-1); declined by the executor only with a reason (R-CMP-7). Decided when made: a Västmanland staff purchase does not include HSL tasks such as
 * medication handling or wound care (R-DEL-3), and no staff are bought for a stay that Försäkringskassan's
 * assistance compensation covers (R-CMP-7).
 */
public final class ServicePurchaseRules {
    /** R-DEL-3: the HSL tasks a Västmanland staff purchase leaves out. */
    static final Set<String> HSL_TASKS = Set.of("medication-handling", "wound-care");

    private ServicePurchaseRules() {
    }

    static boolean isRequest(Task task) {
        return Codes.hasCoding(task.getCode(), Canonical.TASK_CODE, "service-purchase-request");
    }

    static void check(Task task, Optional<Resource> before, Facts facts, List<RuleViolation> out) {
        if (!hasInput(task, "signed-by") && !signAfterwards(task)) {
            out.add(new RuleViolation("R-TK-1", "Task.input", "A service purchase is a written, signed request (input "
                    + "signed-by); only an exception, marked sign-afterwards, may be signed afterwards so as not to delay care (R-TK-1)"));
        }
        if (!task.getRestriction().getPeriod().hasEnd()) {
            out.add(new RuleViolation("R-TK-1", "Task.restriction.period.end",
                    "The request states within what time the assignment must be done (R-TK-1)"));
        }
        if (before.isPresent()) {
            // the executor accepts, or declines with its reason (R-CMP-7: the municipality may decline)
            if (task.getStatus() == Task.TaskStatus.REJECTED && !task.hasStatusReason()) {
                out.add(new RuleViolation("R-CMP-7", "Task.statusReason", "The executor declines a service purchase with its reason (R-CMP-7)"));
            }
            return;
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

    private static boolean hasInput(Task task, String type) {
        return task.getInput().stream().anyMatch(i -> Codes.hasCoding(i.getType(), Canonical.TASK_PARAMETER_TYPE, type) && i.hasValue());
    }

    /** R-TK-1: the request is marked as an exception that is signed afterwards. */
    static boolean signAfterwards(Task task) {
        return task.getInput().stream()
                .filter(i -> Codes.hasCoding(i.getType(), Canonical.TASK_PARAMETER_TYPE, "sign-afterwards"))
                .anyMatch(i -> i.getValue() instanceof org.hl7.fhir.r4.model.BooleanType b && b.booleanValue());
    }

    /** The region of the request: input region, a code of the region code system. */
    public static Optional<String> region(Task task) {
        return task.getInput().stream()
                .filter(i -> Codes.hasCoding(i.getType(), Canonical.TASK_PARAMETER_TYPE, "region"))
                .map(i -> i.getValue()).filter(CodeableConcept.class::isInstance).map(CodeableConcept.class::cast)
                .flatMap(c -> c.getCoding().stream()).filter(c -> Canonical.REGION.equals(c.getSystem()))
                .map(c -> c.getCode()).findFirst();
    }
}
