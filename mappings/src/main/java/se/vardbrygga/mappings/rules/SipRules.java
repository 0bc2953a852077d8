package se.vardbrygga.mappings.rules;

import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Type;
import se.vardbrygga.mappings.Codes;
import se.vardbrygga.profiles.Canonical;

/**
 * SIP invitations (R-INFO-1): the named care contact invites as soon as possible and at the latest on the
 * discharge-ready date, so an invitation states that date (input discharge-ready-date) and its deadline
 * (restriction.period.end) is not later.
 */
final class SipRules {
    private SipRules() {
    }

    static boolean isInvitation(Task task) {
        return Codes.hasCoding(task.getCode(), Canonical.TASK_CODE, "sip-invitation");
    }

    static void check(Task task, List<RuleViolation> out) {
        Optional<String> readyDate = task.getInput().stream()
                .filter(i -> Codes.hasCoding(i.getType(), Canonical.TASK_PARAMETER_TYPE, "discharge-ready-date"))
                .map(i -> i.getValue()).filter(DateType.class::isInstance).map(Type::primitiveValue).findFirst();
        if (readyDate.isEmpty()) {
            out.add(new RuleViolation("R-INFO-1", "Task.input",
                    "A SIP invitation states the discharge-ready date (input discharge-ready-date, a date) (R-INFO-1)"));
            return;
        }
        String deadline = task.getRestriction().getPeriod().getEndElement().getValueAsString();
        // dates and dateTimes compare on their first ten characters (YYYY-MM-DD) in the sender's time zone
        if (deadline != null && deadline.length() >= 10 && deadline.substring(0, 10).compareTo(readyDate.get()) > 0) {
            out.add(new RuleViolation("R-INFO-1", "Task.restriction.period.end",
                    "The SIP invitation's deadline " + deadline.substring(0, 10) + " is after the discharge-ready date "
                            + readyDate.get() + ": invite at the latest on the discharge-ready date (R-INFO-1)"));
        }
    }
}
