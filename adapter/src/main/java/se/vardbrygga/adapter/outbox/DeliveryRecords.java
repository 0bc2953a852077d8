package se.vardbrygga.adapter.outbox;

import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import se.vardbrygga.adapter.channel.Delivery;
import se.vardbrygga.adapter.outage.OutageParcel;
import se.vardbrygga.adapter.outage.OutageParcels;
import se.vardbrygga.adapter.store.OutboxEntry;
import se.vardbrygga.mappings.rules.Change;
import se.vardbrygga.profiles.Canonical;

/**
 * What a delivery leaves behind for users: an AuditEvent per hop (each attempt: which resource version, through
 * which channel, to which unit and address, with what outcome) and the Task's {@code businessStatus} from the
 * delivery-status code system (queued when routed, delivered, fallback-sent by the outage routine, failed). A Task whose businessStatus belongs to
 * another code system (an escalation level) or is already acknowledged by its receiver is left as it is.
 */
public final class DeliveryRecords {
    static final String DCM = "http://dicom.nema.org/resources/ontology/DCM";

    private DeliveryRecords() {
    }

    /** Sets queued on a routed Task without a businessStatus before it is stored (no extra version). */
    static void markQueued(Resource resource) {
        if (resource instanceof Task task && !task.hasBusinessStatus()) {
            task.setBusinessStatus(status("queued", "Queued"));
        }
    }

    static AuditEvent hop(OutboxEntry entry, String address, Delivery delivery, Optional<String> patient, Date now) {
        String what = entry.handledByOutageRoutine() ? ", already handled by the outage routine (reconciliation)" : "";
        return event(entry, entry.channel(), entry.unit(), address, delivery, patient, now,
                "message " + entry.messageId() + ", attempt " + (entry.attempts() + 1) + what);
    }

    /** The outage routine's hop (R-OUT-1): the encrypted e-mail to the receiving unit, or the phone call alone. */
    static AuditEvent fallbackHop(OutboxEntry entry, OutageParcel parcel, Delivery delivery, Date now) {
        boolean mailed = parcel.canMail();
        String address = mailed ? "mailto:" + parcel.mailTo().get() : parcel.receiverPhone().map(p -> "tel:" + p).orElse(null);
        return event(entry, mailed ? OutageParcels.SMIME_EMAIL : OutageParcels.PHONE, parcel.receiverUnit(), address, delivery,
                parcel.patient(), now, "message " + entry.messageId() + ": " + entry.channel() + " down, outage routine (R-OUT-1)");
    }

    private static AuditEvent event(OutboxEntry entry, String channel, String unit, String address, Delivery delivery,
                                    Optional<String> patient, Date now, String description) {
        AuditEvent event = new AuditEvent()
                .setType(new Coding(DCM, "110106", "Export"))
                .setAction(AuditEvent.AuditEventAction.E)
                .setRecorded(now)
                .setOutcome(delivery instanceof Delivery.Delivered ? AuditEvent.AuditEventOutcome._0
                        : delivery instanceof Delivery.Fatal ? AuditEvent.AuditEventOutcome._8 : AuditEvent.AuditEventOutcome._4)
                .setOutcomeDesc(delivery.detail());
        event.addSubtype(new Coding(Canonical.ENDPOINT_TYPE, channel, null));
        event.addAgent().setRequestor(true).setWho(new Reference().setDisplay("Vårdbrygga"));
        AuditEvent.AuditEventAgentComponent receiver = event.addAgent().setRequestor(false).setWho(new Reference(unit));
        if (address != null) {
            receiver.getNetwork().setAddress(address).setType(AuditEvent.AuditEventAgentNetworkType._5);
        }
        event.getSource().setObserver(new Reference().setDisplay("Vårdbrygga outbox")).addType(
                new Coding("http://terminology.hl7.org/CodeSystem/security-source-type", "4", "Application Server"));
        event.addEntity().setWhat(new Reference(entry.resourceType() + "/" + entry.resourceId() + "/_history/" + entry.resourceVersion()))
                .setDescription(description);
        patient.ifPresent(p -> event.addEntity().setWhat(new Reference(p))
                .setType(new Coding("http://terminology.hl7.org/CodeSystem/audit-entity-type", "1", "Person")));
        return event;
    }

    /** The change of the Task's businessStatus after a delivery (delivered) or a dead letter (failed). */
    static Optional<Change> taskStatus(OutboxEntry entry, String code, String display) {
        if (!"Task".equals(entry.resourceType())) {
            return Optional.empty();
        }
        return Optional.of(new Change("Task", entry.resourceId(), current -> {
            Task task = (Task) current;
            boolean already = task.getBusinessStatus().getCoding().stream()
                    .anyMatch(c -> Canonical.DELIVERY_STATUS.equals(c.getSystem())
                            && (code.equals(c.getCode()) || "acknowledged".equals(c.getCode())
                            || "fallback-sent".equals(c.getCode())));
            if (!mayCarryDeliveryStatus(task) || already) {
                return Optional.empty();
            }
            task.setBusinessStatus(status(code, display));
            return Optional.of(new Change.Changed(task, List.of()));
        }));
    }

    private static boolean mayCarryDeliveryStatus(Task task) {
        return !task.hasBusinessStatus() || task.getBusinessStatus().getCoding().stream()
                .allMatch(c -> Canonical.DELIVERY_STATUS.equals(c.getSystem()));
    }

    private static CodeableConcept status(String code, String display) {
        return new CodeableConcept(new Coding(Canonical.DELIVERY_STATUS, code, display));
    }
}
