package se.vardbrygga.mappings.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.Test;
import se.vardbrygga.mappings.Codes;

/** The FHIR R4 Task state machine as the receiving unit and the requester move a Task. */
class TaskLifecycleTest {

    private static Task task(TaskStatus status) {
        return new Task().setStatus(status).setIntent(Task.TaskIntent.ORDER).setCode(Codes.taskCode("home-visit"));
    }

    @Test
    void When_UnitAcknowledgesAcceptsWorksAndCompletes_Expect_EachStepAllowed() {
        TaskStatus[] path = {TaskStatus.REQUESTED, TaskStatus.RECEIVED, TaskStatus.ACCEPTED, TaskStatus.INPROGRESS, TaskStatus.COMPLETED};
        for (int i = 1; i < path.length; i++) {
            TaskLifecycle.check(task(path[i]), Optional.of(task(path[i - 1])));
        }
    }

    @Test
    void When_CompletedTaskIsReopened_Expect_409ListingTheAllowedOnes() {
        assertThatThrownBy(() -> TaskLifecycle.check(task(TaskStatus.INPROGRESS), Optional.of(task(TaskStatus.COMPLETED))))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.conflict()).isTrue();
                    assertThat(e.violations()).singleElement().satisfies(v -> {
                        assertThat(v.expression()).isEqualTo("Task.status");
                        assertThat(v.message()).contains("completed").contains("allowed: entered-in-error");
                    });
                });
        assertThatThrownBy(() -> TaskLifecycle.check(task(TaskStatus.COMPLETED), Optional.of(task(TaskStatus.REQUESTED))))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.violations().get(0).message())
                        .contains("accepted").contains("received").doesNotContain("completed,"));
    }

    @Test
    void When_RejectedWithoutReason_Expect_422() {
        java.util.List<RuleViolation> out = new java.util.ArrayList<>();
        TaskLifecycle.checkRejectionReason(task(TaskStatus.REJECTED), Optional.of(task(TaskStatus.REQUESTED)), out);
        assertThat(out).singleElement().satisfies(v -> assertThat(v.expression()).isEqualTo("Task.statusReason"));
        out.clear();
        TaskLifecycle.checkRejectionReason(task(TaskStatus.REJECTED).setStatusReason(new CodeableConcept().setText("Ingen kapacitet")),
                Optional.of(task(TaskStatus.REQUESTED)), out);
        assertThat(out).isEmpty();
    }

    @Test
    void When_HeldTaskIsReleased_Expect_BackToRequested_R_CON_1() {
        TaskLifecycle.check(task(TaskStatus.REQUESTED), Optional.of(task(TaskStatus.ONHOLD)));
        assertThat(TaskLifecycle.allowedFrom(TaskStatus.CANCELLED)).containsExactly(TaskStatus.ENTEREDINERROR);
    }
}
