package se.vardbrygga.mappings.rules;

import java.util.Date;
import java.util.Optional;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import se.vardbrygga.mappings.Codes;

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
     * to them (null otherwise); {@code receivingUnit} is the unit that takes over, when responsibility moves.
     */
    public record Assessment(String patient, String device, int a, int b, boolean patientCanTakeResponsibility,
                             Boolean followUpNeeded, boolean responsibilityStays, boolean atDischarge,
                             Reference prescriber, Reference receivingUnit) {
    }

    /** The decision, and the follow-up-handover Task for the receiving unit when the follow-up moves there. */
    public record Plan(Decision decision, Optional<Task> handover) {
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

    /** @throws RuleViolationException when the follow-up must move but there is no (municipal, at discharge) receiver */
    public static Plan plan(Assessment in, Facts facts) {
        Decision decision = decide(in.a(), in.b(), in.patientCanTakeResponsibility());
        boolean followUp = decision == Decision.RECURRING
                || (decision == Decision.PRESCRIBER_DECIDES && Boolean.TRUE.equals(in.followUpNeeded()));
        boolean moves = followUp && (in.atDischarge() || !in.responsibilityStays());
        if (!moves) {
            return new Plan(decision, Optional.empty());
        }
        if (in.receivingUnit() == null || in.receivingUnit().getReference() == null) {
            throw RuleViolationException.of("R-AD-1", "receivingUnit", decision.explanation()
                    + " Medical responsibility does not stay with the prescriber, so the follow-up is handed over: name the "
                    + "receivingUnit (R-AD-1)");
        }
        if (in.atDischarge() && !Units.organizationOf(in.receivingUnit(), facts).map(u -> Units.hasType(u, Units.MUNICIPAL)).orElse(false)) {
            throw RuleViolationException.of("R-AD-1", "receivingUnit", "At discharge the prescription responsibility for a "
                    + "device that needs follow-up passes to the municipality: the receivingUnit must be a municipal unit (R-AD-1)");
        }
        Task handover = new Task()
                .setStatus(Task.TaskStatus.REQUESTED)
                .setIntent(Task.TaskIntent.ORDER)
                .setCode(Codes.taskCode("follow-up-handover"))
                .setFor(new Reference(in.patient()))
                .setOwner(in.receivingUnit().copy())
                .setAuthoredOn(Date.from(facts.now()))
                .setDescription("Follow-up of the assistive device " + in.device() + ": " + decision.explanation());
        handover.setReasonCode(Codes.ruleConcept("R-AD-1", null));
        if (in.prescriber() != null) {
            handover.setRequester(in.prescriber().copy());
        }
        handover.addInput().setType(Codes.taskParameter("device")).setValue(new StringType(in.device()));
        return new Plan(decision, Optional.of(handover));
    }
}
