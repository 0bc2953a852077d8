package se.vardbrygga.mappings.rules;

import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import se.vardbrygga.mappings.Codes;

/**
 * A rule ending a stored Task because of an encounter (an admission): the new status, the rule as
 * statusReason, and a Provenance naming rule and encounter. The decision is taken on the Task as
 * locked and re-read, so a Task another writer ended first is left alone: each ends exactly once.
 */
record TaskEnding(TaskStatus status, String ruleId, String reason) {
    /** The statuses of a Task that still asks for or is getting done. */
    static final Set<TaskStatus> ACTIVE = Set.of(TaskStatus.REQUESTED, TaskStatus.RECEIVED, TaskStatus.ACCEPTED,
            TaskStatus.READY, TaskStatus.INPROGRESS, TaskStatus.ONHOLD);
    /** {@link #ACTIVE} as a value of the {@code status} search parameter. */
    static final String ACTIVE_QUERY = ACTIVE.stream().map(TaskStatus::toCode).sorted().collect(Collectors.joining(","));

    /** The change that ends Task {@code id} as {@code decide} says for its current version (empty: leave it). */
    static Change change(String id, Encounter cause, Facts facts, Function<Task, Optional<TaskEnding>> decide) {
        return new Change("Task", id, current -> {
            Task task = (Task) current;
            return decide.apply(task).map(ending -> {
                Date now = Date.from(facts.now());
                task.setStatus(ending.status())
                        .setStatusReason(Codes.ruleConcept(ending.ruleId(), ending.reason()))
                        .setLastModified(now);
                return new Change.Changed(task,
                        List.of(RuleProvenance.of(ending.ruleId(), new Reference("Task/" + id), cause, now)));
            });
        });
    }
}
