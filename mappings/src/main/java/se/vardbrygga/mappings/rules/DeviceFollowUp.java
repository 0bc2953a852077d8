package se.vardbrygga.mappings.rules;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import se.vardbrygga.mappings.Codes;
import se.vardbrygga.profiles.Canonical;

/**
 * Follow-up of a prescribed assistive device (R-AD-1, Västerbotten annex 1): the prescriber rates A (function
 * and benefit: 1 achieved, 2 uncertain, 3 needs more instruction) and B (risk: 1 probably none, 2 some,
 * 3 significant). Both 1: close, nothing to report. A or B at 2: the prescriber decides whether follow-up is
 * needed. A or B at 3, or a patient who cannot take responsibility to get in touch: recurring follow-ups. A
 * needed follow-up is handed over to the receiving unit when medical responsibility does not stay, and at
 * discharge prescription responsibility passes to the municipality.
 */
public final class DeviceFollowUp {

    public enum Decision {
        CLOSE("close", "Both ratings are 1: close the case, nothing to report (R-AD-1)."),
        PRESCRIBER_DECIDES("prescriber-decides", "A or B is 2: the prescriber decides whether follow-up is needed (R-AD-1)."),
        RECURRING("recurring-follow-up", "A or B is 3, or the patient cannot take responsibility to get in touch: "
                + "recurring follow-ups are planned (R-AD-1).");

        private final String code;
        private final String explanation;

        Decision(String code, String explanation) {
            this.code = code;
            this.explanation = explanation;
        }

        public String code() {
            return code;
        }

        public String explanation() {
            return explanation;
        }
    }

    /**
     * What the prescriber reports. {@code followUpNeeded} is the prescriber's own decision when the rule leaves it
     * to them (null: not yet decided); {@code receivingUnit} takes over when responsibility moves. The references
     * may be literal or, from the intake, placeholders of the same transaction.
     */
    public record Assessment(String patient, String device, int a, int b, boolean patientCanTakeResponsibility,
                             Boolean followUpNeeded, boolean responsibilityStays, boolean atDischarge,
                             Reference prescriber, Reference prescribingUnit, Reference receivingUnit) {
    }

    /** The decision, the assessment Task that records it, and the handover Task when the follow-up moves. */
    public record Plan(Decision decision, Task assessment, Optional<Task> handover) {
    }

    private DeviceFollowUp() {
    }

    public static Decision decide(int a, int b, boolean patientCanTakeResponsibility) {
        if (a == 3 || b == 3 || !patientCanTakeResponsibility) {
            return Decision.RECURRING;
        }
        if (a == 2 || b == 2) {
            return Decision.PRESCRIBER_DECIDES;
        }
        return Decision.CLOSE;
    }

    /** @throws RuleViolationException (R-AD-1, expression receivingUnit) when the follow-up must move without a receiver */
    public static Plan plan(Assessment in, Instant now) {
        Decision decision = decide(in.a(), in.b(), in.patientCanTakeResponsibility());
        boolean followUp = decision == Decision.RECURRING
                || (decision == Decision.PRESCRIBER_DECIDES && Boolean.TRUE.equals(in.followUpNeeded()));
        boolean moves = followUp && (in.atDischarge() || !in.responsibilityStays());
        if (moves && (in.receivingUnit() == null || in.receivingUnit().getReference() == null)) {
            throw RuleViolationException.of("R-AD-1", "receivingUnit", decision.explanation()
                    + " Medical responsibility does not stay with the prescriber, so the follow-up is handed over: name the "
                    + "receivingUnit (R-AD-1)");
        }
        boolean open = decision == Decision.PRESCRIBER_DECIDES && in.followUpNeeded() == null;
        TaskStatus status = open ? TaskStatus.REQUESTED : followUp && !moves ? TaskStatus.INPROGRESS : TaskStatus.COMPLETED;
        Task assessment = task("device-follow-up", in, now).setStatus(status)
                .setDescription("Ratings A " + in.a() + ", B " + in.b() + " for " + in.device() + ": " + decision.explanation());
        if (in.prescribingUnit() != null) {
            assessment.setOwner(in.prescribingUnit().copy());
        }
        assessment.addOutput().setType(Codes.taskParameter("follow-up-decision"))
                .setValue(new CodeableConcept(new Coding(Canonical.FOLLOW_UP_DECISION, decision.code(), null)));
        if (!moves) {
            return new Plan(decision, assessment, Optional.empty());
        }
        Task handover = task("follow-up-handover", in, now).setStatus(TaskStatus.REQUESTED)
                .setOwner(in.receivingUnit().copy())
                .setDescription("Follow-up of the assistive device " + in.device() + " is handed over: " + decision.explanation());
        if (in.atDischarge()) {
            handover.addInput().setType(Codes.taskParameter("at-discharge")).setValue(new BooleanType(true));
        }
        return new Plan(decision, assessment, Optional.of(handover));
    }

    private static Task task(String code, Assessment in, Instant now) {
        Task task = new Task()
                .setIntent(Task.TaskIntent.ORDER)
                .setCode(Codes.taskCode(code))
                .setFor(new Reference(in.patient()))
                .setAuthoredOn(Date.from(now));
        task.setReasonCode(Codes.ruleConcept("R-AD-1", null));
        if (in.prescriber() != null) {
            task.setRequester(in.prescriber().copy());
        }
        task.addInput().setType(Codes.taskParameter("device")).setValue(new StringType(in.device()));
        return task;
    }

    /** R-AD-1: a follow-up handed over at discharge goes to the municipality, which takes over the prescription. */
    static void checkHandover(Task handover, Facts facts, List<RuleViolation> out) {
        boolean atDischarge = handover.getInput().stream()
                .anyMatch(i -> Codes.hasCoding(i.getType(), Canonical.TASK_PARAMETER_TYPE, "at-discharge")
                        && i.getValue() instanceof BooleanType b && b.booleanValue());
        if (atDischarge && !Units.organizationOf(handover.getOwner(), facts).map(u -> Units.hasType(u, Units.MUNICIPAL)).orElse(false)) {
            out.add(new RuleViolation("R-AD-1", "Task.owner", "At discharge the prescription responsibility for a device "
                    + "that needs follow-up passes to the municipality: the receiving unit must be a municipal unit (R-AD-1)"));
        }
    }

    static boolean isHandover(Task task) {
        return Codes.hasCoding(task.getCode(), Canonical.TASK_CODE, "follow-up-handover");
    }
}
