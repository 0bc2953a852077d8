package se.vardbrygga.mappings.rules;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskIntent;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import se.vardbrygga.mappings.Codes;
import se.vardbrygga.profiles.Canonical;

/** Delegations (R-DEL-1, R-DEL-2, R-DEL-4): who may issue one, and their end at an inpatient admission. */
public final class DelegationRules {
    private DelegationRules() {
    }

    public static boolean isDelegation(Task task) {
        return Codes.hasCoding(task.getCode(), Canonical.TASK_CODE, "delegation");
    }

    /**
     * A delegation that is (re)issued: the delegator is a licensed professional (R-DEL-4), and while the
     * patient is in inpatient care only the region may delegate (R-DEL-1, R-DEL-2). Ending a delegation
     * is always allowed.
     */
    static void checkIssuing(Task task, Optional<Resource> before, Facts facts, List<RuleViolation> out) {
        if (!TaskEnding.ACTIVE.contains(task.getStatus())) {
            return;
        }
        boolean wasActiveWithSameDelegator = before.map(Task.class::cast)
                .filter(b -> TaskEnding.ACTIVE.contains(b.getStatus()))
                .filter(b -> b.getRequester().getReference() != null
                        && b.getRequester().getReference().equals(task.getRequester().getReference()))
                .isPresent();
        if (wasActiveWithSameDelegator) {
            return;
        }
        // R-DEL-4: the delegator must be formally competent: a PractitionerRole with a licensed profession
        Optional<Resource> delegator = facts.resolve(task.getRequester());
        boolean licensed = delegator.filter(PractitionerRole.class::isInstance).map(PractitionerRole.class::cast)
                .map(role -> role.getCode().stream().anyMatch(c -> c.getCoding().stream()
                        .anyMatch(coding -> Canonical.LICENSED_PROFESSION.equals(coding.getSystem()) && coding.hasCode())))
                .orElse(false);
        if (!licensed) {
            out.add(new RuleViolation("R-DEL-4", "Task.requester",
                    "The delegator must be a licensed professional: Task.requester must be a PractitionerRole with a "
                            + "licensed-profession code (R-DEL-4)"));
        }
        // R-DEL-1 / R-DEL-2: during an inpatient stay earlier delegation has ceased and only the region delegates
        String patient = task.getFor().getReference();
        if (patient != null && !InpatientStay.ongoingFor(patient, facts).isEmpty()) {
            boolean byRegion = Units.organizationOf(task.getRequester(), facts)
                    .map(org -> Units.hasType(org, Units.REGION)).orElse(false);
            if (!byRegion) {
                out.add(new RuleViolation("R-DEL-1", "Task.requester",
                        "The patient is in inpatient care: all earlier delegation ceased at admission and during the stay "
                                + "only the region may delegate (R-DEL-1, R-DEL-2); a municipal delegation can be issued after discharge"));
            }
        }
    }

    /**
     * R-DEL-1: at an inpatient admission every active delegation for the patient ceases: status
     * cancelled, statusReason citing the rule, and a Provenance that names the rule and the admission.
     */
    static RuleEffects endAtAdmission(Encounter admission, Facts facts) {
        String patient = admission.getSubject().getReference();
        if (patient == null) {
            return RuleEffects.NONE;
        }
        List<Change> changes = new ArrayList<>();
        for (Resource found : facts.search("Task", "code=" + Canonical.TASK_CODE + "|delegation&patient=" + patient
                + "&status=" + TaskEnding.ACTIVE_QUERY)) {
            changes.add(TaskEnding.change(found.getIdElement().getIdPart(), admission, facts,
                    delegation -> TaskEnding.ACTIVE.contains(delegation.getStatus()) // else ended already, e.g. by a concurrent admission
                            ? Optional.of(new TaskEnding(TaskStatus.CANCELLED, "R-DEL-1",
                                    "Ended at inpatient admission: all earlier delegation ceases to apply (R-DEL-1)"))
                            : Optional.empty()));
        }
        return new RuleEffects(List.of(), changes);
    }

    /**
     * R-DEL-1 at discharge: nothing is restored silently. Each unit whose professionals' delegations
     * ended at this admission gets a Task to decide on new delegations.
     */
    static RuleEffects reviewAtDischarge(Encounter discharge, Facts facts) {
        String patient = discharge.getSubject().getReference();
        if (patient == null) {
            return RuleEffects.NONE;
        }
        Date admitted = discharge.getPeriod().getStart();
        Map<String, List<Task>> endedByUnit = new LinkedHashMap<>();
        for (Resource found : facts.search("Task", "code=" + Canonical.TASK_CODE + "|delegation&patient=" + patient
                + "&status=cancelled")) {
            Task delegation = (Task) found;
            boolean endedAtThisAdmission = Codes.hasCoding(delegation.getStatusReason(), Canonical.RULE, "R-DEL-1")
                    && (admitted == null || !delegation.getLastModified().before(admitted));
            if (endedAtThisAdmission) {
                Optional<Organization> unit = Units.organizationOf(delegation.getRequester(), facts);
                unit.ifPresent(org -> endedByUnit.computeIfAbsent("Organization/" + org.getIdElement().getIdPart(),
                        k -> new ArrayList<>()).add(delegation));
            }
        }
        List<Resource> tasks = new ArrayList<>();
        endedByUnit.forEach((unit, ended) -> {
            Task review = new Task()
                    .setStatus(TaskStatus.REQUESTED)
                    .setIntent(TaskIntent.ORDER)
                    .setCode(Codes.taskCode("delegation-review"))
                    .setFor(new Reference(patient))
                    .setFocus(new Reference("Encounter/" + discharge.getIdElement().getIdPart()))
                    .setOwner(new Reference(unit))
                    .setAuthoredOn(Date.from(facts.now()))
                    .setDescription("The patient has been discharged. The delegations listed as input ended at admission "
                            + "and are not restored: decide whether new delegations are needed (R-DEL-1).");
            review.setReasonCode(Codes.ruleConcept("R-DEL-1", "Delegations ended at admission are not restored at discharge"));
            if (discharge.hasServiceProvider()) {
                review.setRequester(discharge.getServiceProvider().copy());
            }
            for (Task delegation : ended) {
                review.addInput()
                        .setType(Codes.taskParameter("ended-delegation"))
                        .setValue(new Reference("Task/" + delegation.getIdElement().getIdPart()));
            }
            tasks.add(review);
        });
        return RuleEffects.creating(tasks);
    }
}
