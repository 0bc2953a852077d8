package se.vardbrygga.adapter.outage;

import se.vardbrygga.adapter.channel.Delivery;

/**
 * What the outage routine did with one message (R-OUT-1): whether the sending unit is to phone the receiver, and
 * whether the encrypted SBAR e-mail went, is still to go (the mail server did not take it), or cannot go (the
 * receiver has no usable certificate). {@code outcome} is the hop as audited.
 */
public record Handover(Delivery outcome, boolean phoneCall, Mail mail) {

    public enum Mail { SENT, TO_RETRY, NOT_POSSIBLE }

    /**
     * Whether the receiver has been (or is being) told outside its system, by phone or by e-mail: the message is then
     * handled by the outage routine, and its later delivery through the system is a reconciliation.
     */
    public boolean tookOver() {
        return phoneCall || mail == Mail.SENT;
    }
}
