package se.vardbrygga.mappings.rules;

import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import se.vardbrygga.mappings.Codes;
import se.vardbrygga.profiles.Canonical;

/**
 * R-ESC-1: a disagreement on responsibility starts with the staff (level 1), goes to the unit managers
 * (level 2) and then to MAS and MLA (level 3), one level at a time: it never skips a level and never
 * goes back down.
 */
final class EscalationRules {
    static final String LEVEL_SYSTEM = Canonical.CODE_SYSTEM_BASE + "escalation-level";

    private EscalationRules() {
    }

    static boolean isEscalation(Task task) {
        return Codes.hasCoding(task.getCode(), Canonical.TASK_CODE, "escalation");
    }

    static void check(Task task, Optional<Resource> before, List<RuleViolation> out) {
        int level = level(task);
        if (level == 0) {
            return; // the profile requires a level from escalation-level
        }
        int was = before.map(b -> level((Task) b)).orElse(0);
        if (was == 0 && level != 1) {
            out.add(new RuleViolation("R-ESC-1", "Task.businessStatus",
                    "A disagreement starts at level 1: the staff of both principals share responsibility and do a SIP (R-ESC-1)"));
        } else if (was != 0 && (level < was || level > was + 1)) {
            out.add(new RuleViolation("R-ESC-1", "Task.businessStatus",
                    "An escalation climbs one level at a time (from level " + was + " only to level " + (was + 1)
                            + "); it never skips a level or goes back (R-ESC-1)"));
        }
    }

    /** 1, 2 or 3; 0 when the Task has no escalation level. */
    static int level(Task task) {
        return task.getBusinessStatus().getCoding().stream()
                .filter(c -> LEVEL_SYSTEM.equals(c.getSystem()))
                .map(Coding::getCode)
                .filter(code -> code != null && code.matches("level-[123]"))
                .mapToInt(code -> code.charAt(6) - '0')
                .findFirst().orElse(0);
    }
}
