package se.vardbrygga.adapter.outage;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import se.vardbrygga.adapter.channel.Delivery;
import se.vardbrygga.adapter.config.AdapterConfig;

/**
 * Sends the SBAR form of one message as S/MIME-encrypted e-mail over SMTP to the receiving unit (R-OUT-1). The
 * Message-ID is derived from the outbox message id, so a mail client sees a resend after a crash as the same mail.
 * The subject names no patient.
 */
public final class OutageMailer {
    private final Session session;
    private final String from;

    public OutageMailer(AdapterConfig.Outage settings) {
        this.session = EncryptedMail.smtp(settings.smtpHost(), settings.smtpPort());
        this.from = settings.from();
    }

    /** Delivered when the SMTP server took the mail; transient when it did not (tried again on the next attempt). */
    public Delivery send(OutageParcel parcel) {
        if (!parcel.canMail()) {
            return new Delivery.Fatal(parcel.mailProblem());
        }
        try {
            MimeMessage message = EncryptedMail.sbar(session, "<" + parcel.messageId() + "@vardbrygga>", from, parcel.mailTo().get(),
                    "SBAR enligt avbrottsrutinen", SbarForm.pdf(parcel.form()), parcel.certificate().get());
            Transport.send(message);
            return new Delivery.Delivered("SBAR form sent by encrypted e-mail to " + parcel.mailTo().get());
        } catch (MessagingException | IllegalStateException e) {
            return new Delivery.Transient("outage e-mail not sent: " + e.getClass().getSimpleName());
        }
    }
}
