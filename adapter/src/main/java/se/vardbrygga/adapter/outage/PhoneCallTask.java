package se.vardbrygga.adapter.outage;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import se.vardbrygga.mappings.Codes;
import se.vardbrygga.mappings.rules.Change;
import se.vardbrygga.profiles.Canonical;

/**
 * The telephone half of the outage routine (R-OUT-1, R-INFO-4): a phone-call Task (profile vb-rule-follow-up-task)
 * for the sending unit's staff, focused on the message, with the receiver's number; its description says whether
 * the SBAR form went by encrypted e-mail or must be read out on the phone (no usable certificate; or the mail server
 * did not take it, then the e-mail follows and a note on the Task says when). One per message (its rule-task
 * identifier). Only for a message with a sending unit and a patient.
 */
public final class PhoneCallTask {
    private PhoneCallTask() {
    }

    /** Whether there is someone to call for the message: a sending unit, about a patient. */
    public static boolean possible(OutageParcel parcel) {
        return parcel.senderUnit().isPresent() && parcel.patient().isPresent();
    }

    /** Its rule-task identifier: one phone call per message, found again when the e-mail goes later. */
    public static String identifier(OutageParcel parcel) {
        return "outage/" + parcel.messageId();
    }

    /** The search for the phone-call Task of a message. */
    public static String criteria(OutageParcel parcel) {
        return "identifier=" + Canonical.RULE_TASK_ID + "|" + identifier(parcel);
    }

    /** The phone call; {@code mailPending} when the mail server did not take the e-mail (it is tried again). */
    public static Optional<Task> of(OutageParcel parcel, Instant now, boolean mailPending) {
        if (!possible(parcel)) {
            return Optional.empty();
        }
        Reference sender = new Reference(parcel.senderUnit().get());
        Task task = new Task().setStatus(Task.TaskStatus.REQUESTED).setIntent(Task.TaskIntent.ORDER)
                .setPriority(Task.TaskPriority.URGENT)
                .setCode(Codes.taskCode("phone-call"))
                .setFor(new Reference(parcel.patient().get()))
                .setFocus(new Reference(parcel.focus()))
                .setRequester(sender).setOwner(sender.copy())
                .setAuthoredOn(Date.from(now))
                .setDescription(description(parcel, mailPending));
        task.addIdentifier().setSystem(Canonical.RULE_TASK_ID).setValue(identifier(parcel));
        task.setReasonCode(Codes.ruleConcept("R-OUT-1", "Avbrottsrutin"));
        parcel.receiverPhone().ifPresent(phone -> task.addInput().setType(Codes.taskParameter("receiver-phone")).setValue(new StringType(phone)));
        return Optional.of(task);
    }

    static String description(OutageParcel parcel, boolean mailPending) {
        String call = "Avbrottsrutin (R-OUT-1): " + parcel.channel() + " kan inte nås. Ring " + parcel.receiverName()
                + parcel.receiverPhone().map(p -> " på " + p).orElse(" (inget telefonnummer i katalogen)");
        String how = !parcel.canMail()
                ? call + " och gå igenom SBAR-blanketten muntligt: den kan inte skickas krypterad (" + parcel.mailProblem() + ")."
                : mailPending
                ? call + " och gå igenom SBAR-blanketten muntligt: den krypterade e-posten till " + parcel.mailTo().get()
                        + " kunde inte skickas nu (e-postservern svarar inte) och skickas så snart det går."
                : call + " och meddela att SBAR-blanketten har skickats krypterad till " + parcel.mailTo().get() + ".";
        return parcel.form().note() == null ? how : how + " " + parcel.form().note();
    }

    /**
     * The note on the phone-call Task when the e-mail that could not go at the call has now been sent; empty when the
     * Task is gone or already says so.
     */
    public static Change mailSentLater(String taskId, OutageParcel parcel, Instant now) {
        String text = "SBAR-blanketten har nu skickats krypterad till " + parcel.mailTo().orElse("mottagaren") + ".";
        return new Change("Task", taskId, current -> {
            Task task = (Task) current;
            if (task.getNote().stream().anyMatch(n -> text.equals(n.getText()))) {
                return Optional.empty();
            }
            task.addNote().setTime(Date.from(now)).setText(text);
            return Optional.of(new Change.Changed(task, List.of()));
        });
    }
}
