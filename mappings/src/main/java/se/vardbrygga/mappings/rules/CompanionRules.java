package se.vardbrygga.mappings.rules;

import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import se.vardbrygga.mappings.Codes;
import se.vardbrygga.profiles.Canonical;

/** Companion requests (R-CMP-1, R-CMP-7). */
public final class CompanionRules {
    private CompanionRules() {
    }

    public static boolean isCompanionRequest(Task task) {
        return Codes.hasCoding(task.getCode(), Canonical.TASK_CODE, "companion-request");
    }

    static void check(Task task, Optional<Resource> before, Facts facts, List<RuleViolation> out) {
        if (before.isPresent()) {
            return; // the executor's decision (accept, or reject with a reason: vb-cmp-reject) is an update
        }
        // R-CMP-1: the executor decides: a municipality, an assistance company or a private provider
        boolean executor = Units.organizationOf(task.getOwner(), facts)
                .map(org -> Units.hasType(org, Units.MUNICIPAL)).orElse(false);
        if (!executor) {
            out.add(new RuleViolation("R-CMP-1", "Task.owner",
                    "A companion request is owned by the executor who decides: a municipal unit or an assistance "
                            + "or private provider (organization-type municipal-home-care or assistance-provider) (R-CMP-1)"));
        }
        // R-CMP-7: an inpatient companion is not requested when Försäkringskassan granted assistance for the stay
        boolean inpatientNeed = facts.resolve(task.getFocus()).filter(CarePlan.class::isInstance)
                .map(plan -> visitContext((CarePlan) plan)).filter("inpatient"::equals).isPresent();
        String patient = task.getFor().getReference();
        if (inpatientNeed && patient != null) {
            boolean granted = InpatientStay.ongoingFor(patient, facts).stream()
                    .map(PersonalAssistance::of)
                    .anyMatch(pa -> pa.map(PersonalAssistance::compensationGranted).orElse(false));
            if (granted) {
                out.add(new RuleViolation("R-CMP-7", "Task.focus",
                        "The patient has assistance compensation granted for the hospital stay: the assistance continues "
                                + "and no companion is requested from the municipality (R-CMP-7)"));
            }
        }
    }

    static String visitContext(CarePlan plan) {
        Extension ext = plan.getExtensionByUrl(Codes.VISIT_CONTEXT_EXTENSION);
        return ext != null && ext.getValue() instanceof Coding coding ? coding.getCode() : null;
    }
}
