package se.vardbrygga.mappings.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import se.vardbrygga.mappings.Codes;
import se.vardbrygga.profiles.Canonical;

/**
 * Companion requests: who decides (R-CMP-1), none for an inpatient stay the assistance covers (R-CMP-7),
 * and their end when the patient is admitted (R-CMP-4, R-CMP-6).
 */
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

    /**
     * At an inpatient admission the region takes over all nursing and medical responsibility (R-CMP-6):
     * a companion who is with the patient ({@code in-progress}) has done the task, and an emergency
     * companion not yet there is no longer needed: the companion is wanted until admission (R-CMP-4).
     * Requests for a stay itself (visit context {@code inpatient}, R-CMP-5/R-CMP-7) and for later planned
     * visits stay as they are.
     */
    static RuleEffects handOverAtAdmission(Encounter admission, Facts facts) {
        String patient = admission.getSubject().getReference();
        if (patient == null) {
            return RuleEffects.NONE;
        }
        List<Change> changes = new ArrayList<>();
        for (Resource found : facts.search("Task", "code=" + Canonical.TASK_CODE + "|companion-request&patient=" + patient
                + "&status=" + TaskEnding.ACTIVE_QUERY)) {
            String context = facts.resolve(((Task) found).getFocus()).filter(CarePlan.class::isInstance)
                    .map(plan -> visitContext((CarePlan) plan)).orElse(null);
            if (!"inpatient".equals(context)) {
                changes.add(TaskEnding.change(found.getIdElement().getIdPart(), admission, facts,
                        request -> endingAtAdmission(request, context)));
            }
        }
        return new RuleEffects(List.of(), changes);
    }

    private static Optional<TaskEnding> endingAtAdmission(Task request, String visitContext) {
        if (request.getStatus() == TaskStatus.INPROGRESS) {
            return Optional.of(new TaskEnding(TaskStatus.COMPLETED, "R-CMP-6", "The patient was admitted: all nursing and "
                    + "medical responsibility passed to the region; the companion stayed until admission (R-CMP-4, R-CMP-6)"));
        }
        if ("emergency".equals(visitContext) && TaskEnding.ACTIVE.contains(request.getStatus())) {
            return Optional.of(new TaskEnding(TaskStatus.CANCELLED, "R-CMP-4", "The emergency visit ended in admission: "
                    + "a companion was wanted until admission (R-CMP-4) and the region now has the responsibility (R-CMP-6)"));
        }
        return Optional.empty();
    }

    static String visitContext(CarePlan plan) {
        Extension ext = plan.getExtensionByUrl(Codes.VISIT_CONTEXT_EXTENSION);
        return ext != null && ext.getValue() instanceof Coding coding ? coding.getCode() : null;
    }
}
