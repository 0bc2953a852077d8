package se.vardbrygga.mappings.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskIntent;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import se.vardbrygga.mappings.Codes;
import se.vardbrygga.profiles.Canonical;

/**
 * Personal assistance during a hospital stay (R-PA-1, R-PA-2, R-PA-3): assistance compensation runs at
 * most four weeks of a stay, so the executor is reminded before the limit and when it passes; special
 * needs noticed at admission but not granted prompt an application to Försäkringskassan.
 */
public final class AssistanceRules {
    /** R-PA-1: compensation during a hospital stay for at most four weeks. */
    public static final Duration LIMIT = Duration.ofDays(28);
    /** How long before the limit the executor is reminded. */
    public static final Duration REMIND_BEFORE = Duration.ofDays(7);
    private AssistanceRules() {
    }

    /** R-PA-2: at admission, special needs flagged but not granted prompt the application (R-PA-3 criteria). */
    static RuleEffects atAdmission(Encounter admission, Facts facts) {
        Optional<PersonalAssistance> assistance = PersonalAssistance.of(admission);
        if (assistance.isEmpty() || !assistance.get().specialNeedsFlagged() || assistance.get().compensationGranted()) {
            return RuleEffects.NONE;
        }
        Task task = ruleTask(admission, assistance.get(), "assistance-compensation-application", "R-PA-2", facts.now())
                .setDescription("Special needs were noticed at admission but assistance compensation for the stay is not "
                        + "granted: apply to Försäkringskassan together with the patient (R-PA-2). The assessment weighs "
                        + "whether one or a few staff with deep knowledge of the patient are needed, whether the region "
                        + "can meet the need (its lack of resources does not count), and for children the normal "
                        + "parental responsibility (R-PA-3).");
        return RuleEffects.creating(List.of(task));
    }

    /**
     * A reminder the four-week limit asks for at {@code now}: before the limit, and when it has passed.
     * The Task carries {@link #ruleTaskIdentifier(String)} of its key, so it can be created exactly once.
     */
    public record Reminder(String key, Task task) {
        /** The conditional-create criteria that find this reminder if it was created before. */
        public String ifNoneExist() {
            return "identifier=" + Canonical.RULE_TASK_ID + "|" + key;
        }
    }

    /** R-PA-1: the reminders due for an ongoing stay at {@code now} (each is created once, by its key). */
    public static List<Reminder> dueReminders(Encounter stay, Instant now) {
        Optional<PersonalAssistance> assistance = PersonalAssistance.of(stay);
        if (assistance.isEmpty() || !InpatientStay.isOngoing(stay) || !stay.getPeriod().hasStart()) {
            return List.of();
        }
        Instant limit = stay.getPeriod().getStart().toInstant().plus(LIMIT);
        List<Reminder> due = new ArrayList<>();
        if (!now.isBefore(limit.minus(REMIND_BEFORE)) && now.isBefore(limit)) {
            due.add(limitReminder(stay, assistance.get(), "limit-approaching", limit, now,
                    "The four-week limit of assistance compensation during the hospital stay passes on the limit date "
                            + "(R-PA-1): plan the assistance after that date."));
        }
        if (!now.isBefore(limit)) {
            due.add(limitReminder(stay, assistance.get(), "limit-passed", limit, now,
                    "The four-week limit of assistance compensation during the hospital stay has passed (R-PA-1): "
                            + "assistance compensation no longer covers the stay."));
        }
        return due;
    }

    private static Reminder limitReminder(Encounter stay, PersonalAssistance assistance, String event, Instant limit,
                                          Instant now, String text) {
        String key = stay.getIdElement().getIdPart() + "/" + event;
        Task task = ruleTask(stay, assistance, "assistance-limit-reminder", "R-PA-1", now).setDescription(text);
        task.addIdentifier(ruleTaskIdentifier(key));
        task.getRestriction().getPeriod().setEnd(Date.from(limit));
        task.addInput()
                .setType(Codes.taskParameter("limit-date"))
                .setValue(new DateType(Date.from(limit)));
        return new Reminder(key, task);
    }

    private static Task ruleTask(Encounter stay, PersonalAssistance assistance, String code, String ruleId, Instant now) {
        Task task = new Task()
                .setStatus(TaskStatus.REQUESTED)
                .setIntent(TaskIntent.ORDER)
                .setCode(Codes.taskCode(code))
                .setFor(stay.getSubject().copy())
                .setFocus(new Reference("Encounter/" + stay.getIdElement().getIdPart()))
                .setOwner(assistance.executor().copy())
                .setAuthoredOn(Date.from(now));
        task.setReasonCode(Codes.ruleConcept(ruleId, null));
        if (stay.hasServiceProvider()) {
            task.setRequester(stay.getServiceProvider().copy());
        }
        return task;
    }

    /** The identifier that makes a rule's Task unique per stay and key. */
    public static Identifier ruleTaskIdentifier(String key) {
        return new Identifier().setSystem(Canonical.RULE_TASK_ID).setValue(key);
    }
}
