package se.vardbrygga.adapter.outage;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import se.vardbrygga.mappings.Codes;

/**
 * The telephone half of the outage routine (R-OUT-1, R-INFO-4): a phone-call Task (profile vb-rule-follow-up-task)
 * for the sending unit's staff, focused on the message, with the receiver's number; its description says whether
 * the SBAR form went by encrypted e-mail or must be read out on the phone. Only for a message with a sending unit
 * and a patient.
 */
public final class PhoneCallTask {
    private PhoneCallTask() {
    }

    /** Whether there is someone to call for the message: a sending unit, about a patient. */
    public static boolean possible(OutageParcel parcel) {
        return parcel.senderUnit().isPresent() && parcel.patient().isPresent();
    }

    public static Optional<Task> of(OutageParcel parcel, Instant now) {
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
                .setDescription(description(parcel));
        task.setReasonCode(Codes.ruleConcept("R-OUT-1", "Avbrottsrutin"));
        parcel.receiverPhone().ifPresent(phone -> task.addInput().setType(Codes.taskParameter("receiver-phone")).setValue(new StringType(phone)));
        return Optional.of(task);
    }

    static String description(OutageParcel parcel) {
        String call = "Avbrottsrutin (R-OUT-1): " + parcel.channel() + " kan inte nås. Ring " + parcel.receiverName()
                + parcel.receiverPhone().map(p -> " på " + p).orElse(" (inget telefonnummer i katalogen)");
        String how = parcel.canMail()
                ? call + " och meddela att SBAR-blanketten har skickats krypterad till " + parcel.mailTo().get() + "."
                : call + " och gå igenom SBAR-blanketten muntligt: den kan inte skickas krypterad (" + parcel.mailProblem() + ").";
        return parcel.form().note() == null ? how : how + " " + parcel.form().note();
    }
}
