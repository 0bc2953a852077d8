package se.vardbrygga.adapter.channel;

import ca.uhn.fhir.context.FhirContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import se.vardbrygga.profiles.Canonical;

/**
 * Lifecare SP: FHIR messaging. A message Bundle (MessageHeader first, focus the resource) is posted to
 * {@code $process-message}; its Bundle.id is the message id, which the receiver uses to detect a duplicate. The
 * acknowledgement's response code decides: ok = delivered, transient-error = try again, fatal-error = refused.
 */
public final class LifecareChannel implements Channel {
    static final String EVENT_SYSTEM = Canonical.CODE_SYSTEM_BASE + "task-code";

    private final FhirContext fhir;
    private final HttpClient http;
    private final Duration timeout;

    public LifecareChannel(FhirContext fhir, HttpClient http, Duration timeout) {
        this.fhir = fhir;
        this.http = http;
        this.timeout = timeout;
    }

    @Override
    public Delivery deliver(Outgoing message) {
        String what = "lifecare-sp $process-message";
        return DeliveryFailures.calling(what, () -> {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(message.address() + "/$process-message"))
                    .timeout(timeout)
                    .header("Content-Type", "application/fhir+json")
                    .POST(HttpRequest.BodyPublishers.ofString(fhir.newJsonParser().encodeResourceToString(bundle(message)))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return DeliveryFailures.ofStatus(response.statusCode(), what);
            }
            Bundle ack = fhir.newJsonParser().parseResource(Bundle.class, response.body());
            MessageHeader header = (MessageHeader) ack.getEntryFirstRep().getResource();
            MessageHeader.ResponseType code = header.getResponse().getCode();
            if (code == MessageHeader.ResponseType.OK) {
                return new Delivery.Delivered(what + ": ok");
            }
            return code == MessageHeader.ResponseType.TRANSIENTERROR
                    ? new Delivery.Transient(what + ": transient-error")
                    : new Delivery.Fatal(what + ": " + (code == null ? "no response code" : code.toCode()));
        });
    }

    private Bundle bundle(Outgoing message) {
        Resource focus = message.resource().copy();
        String fullUrl = "urn:uuid:" + java.util.UUID.nameUUIDFromBytes(message.messageId().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        MessageHeader header = new MessageHeader()
                .setEvent(new Coding(EVENT_SYSTEM, eventOf(focus), null));
        header.getSource().setName("Vårdbrygga").setEndpoint("urn:vardbrygga");
        header.addDestination().setEndpoint(message.address());
        header.addFocus(new Reference(fullUrl));
        Bundle bundle = new Bundle().setType(Bundle.BundleType.MESSAGE);
        bundle.setId(message.messageId());
        bundle.getMeta().setLastUpdated(new java.util.Date());
        bundle.addEntry().setFullUrl("urn:uuid:" + message.messageId() + "-header").setResource(header);
        bundle.addEntry().setFullUrl(fullUrl).setResource(focus);
        return bundle;
    }

    private static String eventOf(Resource focus) {
        if (focus instanceof org.hl7.fhir.r4.model.Task task && task.getCode().hasCoding()) {
            return task.getCode().getCodingFirstRep().getCode();
        }
        return focus.fhirType().toLowerCase();
    }
}
