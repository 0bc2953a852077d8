package se.vardbrygga.mappings.rules;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import se.vardbrygga.mappings.Codes;
import se.vardbrygga.profiles.Canonical;

/**
 * Home health care assignments ("Uppdrag hemsjukvård", R-HC-2, R-INFO-2): only the responsible
 * primary-care physician, named, enrols or discharges; the enrolment shows which needs the municipality
 * meets; the municipal unit's acceptance carries the date of the first home visit.
 */
final class HomeCareRules {
    private static final String PRACTITIONER_ROLE = "http://terminology.hl7.org/CodeSystem/practitioner-role";
    private static final Set<TaskStatus> DISCHARGED = Set.of(TaskStatus.COMPLETED, TaskStatus.CANCELLED);

    private HomeCareRules() {
    }

    static boolean isAssignment(Task task) {
        return Codes.hasCoding(task.getCode(), Canonical.TASK_CODE, "home-care-assignment");
    }

    static void check(Task task, Optional<Resource> before, Facts facts, List<RuleViolation> out) {
        Optional<Task> was = before.map(Task.class::cast);
        boolean enrolment = was.isEmpty();
        boolean discharge = was.map(b -> !DISCHARGED.contains(b.getStatus())).orElse(false) && DISCHARGED.contains(task.getStatus());
        if (enrolment || discharge || requesterChanged(task, was)) {
            checkPhysician(task, enrolment, facts, out);
        }
        if (enrolment && task.getInput().stream().noneMatch(i -> Codes.hasCoding(i.getType(), Canonical.TASK_PARAMETER_TYPE, "met-need"))) {
            out.add(new RuleViolation("R-HC-2", "Task.input",
                    "The enrolment must show which needs municipal home health care meets (input met-need) (R-HC-2, R-INFO-2)"));
        }
        boolean accepting = task.getStatus() == TaskStatus.ACCEPTED
                && was.map(b -> b.getStatus() != TaskStatus.ACCEPTED).orElse(true);
        if (accepting && task.getOutput().stream()
                .noneMatch(o -> Codes.hasCoding(o.getType(), Canonical.TASK_PARAMETER_TYPE, "first-visit-date") && o.hasValue())) {
            out.add(new RuleViolation("R-INFO-2", "Task.output",
                    "The municipal unit's acceptance gives the date of the first home visit (output first-visit-date) (R-INFO-2)"));
        }
    }

    private static boolean requesterChanged(Task task, Optional<Task> was) {
        return was.map(b -> !String.valueOf(b.getRequester().getReference()).equals(String.valueOf(task.getRequester().getReference())))
                .orElse(false);
    }

    /** R-HC-2: a physician of a primary-care unit; at enrolment named (R-INFO-2). */
    private static void checkPhysician(Task task, boolean enrolment, Facts facts, List<RuleViolation> out) {
        Optional<PractitionerRole> role = facts.resolve(task.getRequester())
                .filter(PractitionerRole.class::isInstance).map(PractitionerRole.class::cast);
        boolean physician = role.map(r -> r.getCode().stream().anyMatch(c ->
                Codes.hasCoding(c, Canonical.LICENSED_PROFESSION, "physician") || Codes.hasCoding(c, PRACTITIONER_ROLE, "doctor")))
                .orElse(false);
        boolean primaryCare = Units.organizationOf(task.getRequester(), facts)
                .map(unit -> Units.hasType(unit, HomeVisitRules.PRIMARY_CARE)).orElse(false);
        if (!physician || !primaryCare) {
            out.add(new RuleViolation("R-HC-2", "Task.requester",
                    "Only the responsible primary-care physician enrols in or discharges from home health care: the requester "
                            + "must be a physician's PractitionerRole at a health centre; others contact that physician (R-HC-2)"));
            return;
        }
        boolean named = role.get().getPractitioner().hasDisplay() || facts.resolve(role.get().getPractitioner())
                .filter(Practitioner.class::isInstance).map(p -> ((Practitioner) p).hasName()).orElse(false);
        if (enrolment && !named) {
            out.add(new RuleViolation("R-INFO-2", "Task.requester",
                    "The enrolment names the responsible physician: the requester's Practitioner needs a name (R-INFO-2)"));
        }
    }
}
