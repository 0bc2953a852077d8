package se.vardbrygga.adapter.outage;

import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * Everything the outage routine needs for one message (R-OUT-1), read from the directory in the worker's
 * transaction: the SBAR form, the receiving unit's encrypted e-mail address and certificate (empty when the unit has
 * none usable: then the phone call carries it alone, and {@code mailProblem} says why), the receiver's telephone,
 * and the sending unit that must call.
 */
public record OutageParcel(String messageId, SbarForm.Content form, String receiverUnit, String receiverName,
                           Optional<String> mailTo, Optional<X509Certificate> certificate, String mailProblem,
                           Optional<String> receiverPhone, Optional<String> senderUnit, Optional<String> patient,
                           String focus, String channel) {

    public boolean canMail() {
        return mailTo.isPresent() && certificate.isPresent();
    }
}
