package se.vardbrygga.adapter.channel;

import org.hl7.fhir.r4.model.Resource;

/**
 * A message on its way: the stored resource version, the receiving Endpoint's address, and the message id the
 * receiver deduplicates on (the same on every attempt).
 */
public record Outgoing(String messageId, String channel, String address, Resource resource) {
    /** The identifier every delivery carries: the message id as a URN (RFC 3986). */
    public static final String MESSAGE_ID_SYSTEM = "urn:ietf:rfc:3986";

    public String messageUrn() {
        return "urn:uuid:" + messageId;
    }
}
