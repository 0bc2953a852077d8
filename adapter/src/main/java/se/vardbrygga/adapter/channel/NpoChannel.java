package se.vardbrygga.adapter.channel;

import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;

/**
 * NPÖ: the journal note "Uppdrag hemsjukvård" is published as a DocumentReference (R-INFO-2), written over the same
 * FHIR REST and OAuth2 as Cosmic and just as idempotent. Consumers read it only with the patient's consent.
 */
public final class NpoChannel implements Channel {
    private final FhirRestChannel rest;

    public NpoChannel(FhirRestChannel rest) {
        this.rest = rest;
    }

    @Override
    public Delivery deliver(Outgoing message) {
        return rest.deliver(new Outgoing(message.messageId(), message.channel(), message.address(), note(message.resource())));
    }

    static DocumentReference note(Resource resource) {
        DocumentReference note = new DocumentReference().setStatus(DocumentReferenceStatus.CURRENT)
                .setType(new CodeableConcept().setText("Uppdrag hemsjukvård"));
        resource.getMeta().getTag().forEach(tag -> note.getMeta().addTag(tag.copy())); // e.g. already handled (R-OUT-1)
        if (resource instanceof Task task) {
            note.setSubject(task.getFor().copy());
            note.addAuthor(task.getRequester().copy());
            note.getContext().addRelated(new Reference("Task/" + task.getIdElement().getIdPart()));
            String text = task.getInput().stream()
                    .map(i -> i.getType().getCodingFirstRep().getCode() + ": " + i.getValue().primitiveValue())
                    .collect(Collectors.joining("\n"));
            note.addContent().setAttachment(new Attachment().setContentType("text/plain; charset=utf-8")
                    .setData(((task.hasDescription() ? task.getDescription() + "\n" : "") + text).getBytes(StandardCharsets.UTF_8)));
        }
        return note;
    }
}
