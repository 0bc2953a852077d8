package se.vardbrygga.adapter.outage;

import java.util.Optional;
import se.vardbrygga.adapter.channel.Delivery;
import se.vardbrygga.adapter.config.AdapterConfig;
import se.vardbrygga.adapter.store.OutboxEntry;

/**
 * When the outage routine takes over a delivery (R-OUT-1) and what it does on the wire. It takes over a pending
 * delivery whose system still fails {@code afterMillis} after the commit, or on its last attempt, or (opt-in) while
 * the Endpoint's circuit is open. Until then a failing delivery is retried, never later than the deadline. The
 * hand-over is the encrypted e-mail when the receiver has a usable certificate, else the phone call alone.
 */
public final class OutageRoutine {
    private final AdapterConfig.Outage settings;
    private final int maxAttempts;
    private final OutageMailer mailer;

    private OutageRoutine(AdapterConfig.Outage settings, int maxAttempts) {
        this.settings = settings;
        this.maxAttempts = maxAttempts;
        this.mailer = new OutageMailer(settings);
    }

    /** The routine of this node; empty when no SMTP server is configured. */
    public static Optional<OutageRoutine> of(AdapterConfig.Outage settings, int maxAttempts) {
        return settings.enabled() ? Optional.of(new OutageRoutine(settings, maxAttempts)) : Optional.empty();
    }

    /**
     * Whether a failure of this attempt hands the message to the outage routine: a pending delivery past its
     * deadline (or on its last attempt, or with the circuit open), or one the routine handled by phone while the mail
     * server was down, whose e-mail is still to go.
     */
    public boolean takesOver(OutboxEntry entry, long now, boolean circuitOpen) {
        if (entry.status() == OutboxEntry.Status.FALLBACK_SENT) {
            return entry.mailPending();
        }
        return entry.status() == OutboxEntry.Status.PENDING
                && (now - entry.created() >= settings.afterMillis() || entry.attempts() + 1 >= maxAttempts
                || (settings.onOpenCircuit() && circuitOpen));
    }

    /** The next attempt of a pending delivery after a failure: the backoff, but not after the deadline. */
    public long nextAttempt(OutboxEntry entry, long now, long backoff) {
        long deadline = entry.created() + settings.afterMillis();
        return entry.status() == OutboxEntry.Status.PENDING && deadline > now ? Math.min(now + backoff, deadline) : now + backoff;
    }

    /**
     * Hands the message over, on a delivery thread: the SBAR form by encrypted e-mail, and for a message not yet
     * handed over the phone call of the sending unit. When the mail server does not take the e-mail, the phone call
     * goes alone for now (the receiver is told at once) and the e-mail is tried again on the row's next attempts;
     * when the receiver has no usable certificate, the phone call carries the message alone. Empty when there is no
     * one to call and nothing to mail.
     */
    public Optional<Handover> handOver(OutboxEntry entry, OutageParcel parcel) {
        boolean phone = entry.status() == OutboxEntry.Status.PENDING && PhoneCallTask.possible(parcel); // made once
        if (parcel.canMail()) {
            Delivery mail = mailer.send(parcel);
            return Optional.of(new Handover(mail, phone, mail instanceof Delivery.Delivered ? Handover.Mail.SENT : Handover.Mail.TO_RETRY));
        }
        return phone
                ? Optional.of(new Handover(new Delivery.Delivered("phone call only: " + parcel.mailProblem()), true, Handover.Mail.NOT_POSSIBLE))
                : Optional.empty();
    }
}
