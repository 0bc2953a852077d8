package se.vardbrygga.mappings.rules;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;

/**
 * The Task state machine of FHIR R4 (Task, "Task state machine") as clients may move it: a receiving unit
 * acknowledges (received), accepts or rejects with a reason, works on it and completes; the requester cancels. A
 * transition the machine does not have is a conflict with the Task's state (409) listing the allowed ones; the
 * terminal states (completed, cancelled, rejected, failed, entered-in-error) only go to entered-in-error. Changes the
 * rules make themselves (an admission ending a delegation, a consent releasing a held Task) are not client moves.
 */
final class TaskLifecycle {
    private static final Map<TaskStatus, Set<TaskStatus>> NEXT = new EnumMap<>(TaskStatus.class);

    static {
        allow(TaskStatus.DRAFT, TaskStatus.REQUESTED, TaskStatus.CANCELLED);
        allow(TaskStatus.REQUESTED, TaskStatus.RECEIVED, TaskStatus.ACCEPTED, TaskStatus.REJECTED, TaskStatus.READY,
                TaskStatus.INPROGRESS, TaskStatus.ONHOLD, TaskStatus.CANCELLED);
        allow(TaskStatus.RECEIVED, TaskStatus.ACCEPTED, TaskStatus.REJECTED, TaskStatus.READY, TaskStatus.INPROGRESS,
                TaskStatus.ONHOLD, TaskStatus.CANCELLED);
        allow(TaskStatus.ACCEPTED, TaskStatus.READY, TaskStatus.INPROGRESS, TaskStatus.ONHOLD, TaskStatus.COMPLETED,
                TaskStatus.FAILED, TaskStatus.CANCELLED);
        allow(TaskStatus.READY, TaskStatus.INPROGRESS, TaskStatus.ONHOLD, TaskStatus.COMPLETED, TaskStatus.FAILED,
                TaskStatus.CANCELLED);
        allow(TaskStatus.INPROGRESS, TaskStatus.ONHOLD, TaskStatus.COMPLETED, TaskStatus.FAILED, TaskStatus.CANCELLED);
        allow(TaskStatus.ONHOLD, TaskStatus.REQUESTED, TaskStatus.RECEIVED, TaskStatus.ACCEPTED, TaskStatus.READY,
                TaskStatus.INPROGRESS, TaskStatus.FAILED, TaskStatus.CANCELLED);
        for (TaskStatus terminal : List.of(TaskStatus.COMPLETED, TaskStatus.CANCELLED, TaskStatus.REJECTED,
                TaskStatus.FAILED, TaskStatus.ENTEREDINERROR)) {
            allow(terminal);
        }
    }

    private TaskLifecycle() {
    }

    private static void allow(TaskStatus from, TaskStatus... to) {
        Set<TaskStatus> next = EnumSet.noneOf(TaskStatus.class);
        next.addAll(List.of(to));
        if (from != TaskStatus.ENTEREDINERROR) {
            next.add(TaskStatus.ENTEREDINERROR);
        }
        NEXT.put(from, next);
    }

    /** The statuses a Task in {@code from} may move to. */
    static Set<TaskStatus> allowedFrom(TaskStatus from) {
        return NEXT.getOrDefault(from, Set.of());
    }

    /** @throws RuleViolationException 409 for a transition the machine does not have */
    static void check(Task task, Optional<Resource> before) {
        if (before.isEmpty()) {
            return;
        }
        TaskStatus from = ((Task) before.get()).getStatus();
        TaskStatus to = task.getStatus();
        if (from == null || to == null || from == to) {
            return;
        }
        if (!allowedFrom(from).contains(to)) {
            String allowed = allowedFrom(from).stream().map(TaskStatus::toCode).sorted().collect(Collectors.joining(", "));
            throw new RuleViolationException(List.of(new RuleViolation(null, "Task.status", "A " + from.toCode()
                    + " Task cannot become " + to.toCode() + "; allowed: " + (allowed.isEmpty() ? "none" : allowed)
                    + " (FHIR R4 Task state machine)")), true);
        }
    }

    /** A rejection carries its reason (for Tasks whose own rules do not already say so with their rule id). */
    static void checkRejectionReason(Task task, Optional<Resource> before, List<RuleViolation> out) {
        boolean rejectedNow = task.getStatus() == TaskStatus.REJECTED
                && before.map(b -> ((Task) b).getStatus() != TaskStatus.REJECTED).orElse(false);
        if (rejectedNow && !task.hasStatusReason()) {
            out.add(new RuleViolation(null, "Task.statusReason", "A rejection carries its reason (Task.statusReason)"));
        }
    }
}
