package se.vardbrygga.adapter.channel;

import ca.uhn.fhir.context.FhirContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.hl7.fhir.r4.model.Resource;

/**
 * Cosmic Link, Cosmic Messenger and the Cosmic journal: a FHIR R4 REST create at the Endpoint's address with an
 * OAuth2 client-credentials Bearer token. Idempotent: the resource carries the message id as an identifier and the
 * create is conditional on it ({@code If-None-Exist}), so a redelivery finds the first one and is not acted on twice.
 */
public final class FhirRestChannel implements Channel {
    private final FhirContext fhir;
    private final HttpClient http;
    private final OAuthClientCredentials oauth;
    private final Duration timeout;

    public FhirRestChannel(FhirContext fhir, HttpClient http, OAuthClientCredentials oauth, Duration timeout) {
        this.fhir = fhir;
        this.http = http;
        this.oauth = oauth;
        this.timeout = timeout;
    }

    @Override
    public Delivery deliver(Outgoing message) {
        String what = message.channel() + " create";
        return DeliveryFailures.calling(what, () -> {
            Optional<String> token = oauth.token(message.address());
            if (token.isEmpty()) {
                return new Delivery.Transient(message.channel() + ": the token endpoint refused the client credentials");
            }
            Resource copy = withMessageId(message);
            String criteria = "identifier=" + Outgoing.MESSAGE_ID_SYSTEM + "|" + message.messageUrn();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(message.address() + "/" + copy.fhirType()))
                    .timeout(timeout)
                    .header("Content-Type", "application/fhir+json")
                    .header("Authorization", "Bearer " + token.get())
                    .header("If-None-Exist", criteria)
                    .POST(HttpRequest.BodyPublishers.ofString(fhir.newJsonParser().encodeResourceToString(copy))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 401) {
                oauth.forget(message.address());
            }
            return DeliveryFailures.ofStatus(response.statusCode(), what);
        });
    }

    private static Resource withMessageId(Outgoing message) {
        Resource copy = message.resource().copy();
        if (copy instanceof org.hl7.fhir.r4.model.Task t) {
            t.addIdentifier().setSystem(Outgoing.MESSAGE_ID_SYSTEM).setValue(message.messageUrn());
        } else if (copy instanceof org.hl7.fhir.r4.model.Communication c) {
            c.addIdentifier().setSystem(Outgoing.MESSAGE_ID_SYSTEM).setValue(message.messageUrn());
        } else if (copy instanceof org.hl7.fhir.r4.model.DocumentReference d) {
            d.addIdentifier().setSystem(Outgoing.MESSAGE_ID_SYSTEM).setValue(message.messageUrn());
        }
        return copy;
    }
}
