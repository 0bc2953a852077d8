package se.vardbrygga.simulators;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.jcajce.JceKeyTransEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientId;
import org.bouncycastle.mail.smime.SMIMEEnveloped;
import org.bouncycastle.mail.smime.SMIMEUtil;

/**
 * What a receiving unit does with an outage e-mail (R-OUT-1): decrypts it with its private key and reads the SBAR
 * form. {@link #demo()} holds the demo units' keys ({@code demo/outage-keys.p12}, made by
 * {@code simulators/scripts/demo-outage-keys.sh}; DEMO ONLY, the keys are public), whose certificates the demo
 * directory's smime-email Endpoints carry.
 */
public final class ReceivingUnitKeys {
    private static final char[] DEMO_PASSWORD = "demo-only".toCharArray();

    private final KeyStore store;

    private ReceivingUnitKeys(KeyStore store) {
        this.store = store;
    }

    public static ReceivingUnitKeys demo() {
        try (InputStream in = ReceivingUnitKeys.class.getResourceAsStream("/demo/outage-keys.p12")) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, DEMO_PASSWORD);
            return new ReceivingUnitKeys(store);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("demo outage keys missing", e);
        }
    }

    public X509Certificate certificate(String address) {
        try {
            return (X509Certificate) store.getCertificate(address);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The SBAR form's text of a message to one of these units, decrypted with that unit's key; empty if not ours. */
    public Optional<String> sbarText(MimeMessage message) {
        try {
            String to = ((InternetAddress) message.getAllRecipients()[0]).getAddress();
            if (!store.isKeyEntry(to)) {
                return Optional.empty();
            }
            PrivateKey key = (PrivateKey) store.getKey(to, DEMO_PASSWORD);
            return Optional.of(sbarText(message, certificate(to), key));
        } catch (GeneralSecurityException | jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Decrypts an S/MIME-enveloped message for the holder of {@code certificate}'s key and returns the text of its
     * {@code SBAR.pdf}; IllegalStateException when the holder is not a recipient.
     */
    public static String sbarText(MimeMessage message, X509Certificate certificate, PrivateKey key) {
        try {
            RecipientInformation recipient = new SMIMEEnveloped(message).getRecipientInfos().get(new JceKeyTransRecipientId(certificate));
            if (recipient == null) {
                throw new IllegalStateException("not a recipient of this message");
            }
            MimeBodyPart content = SMIMEUtil.toMimeBodyPart(recipient.getContent(new JceKeyTransEnvelopedRecipient(key)));
            Multipart parts = (Multipart) content.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                if ("SBAR.pdf".equals(part.getFileName())) {
                    try (PDDocument pdf = Loader.loadPDF(part.getInputStream().readAllBytes())) {
                        return new PDFTextStripper().getText(pdf);
                    }
                }
            }
            throw new IllegalStateException("no SBAR.pdf in the message");
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot decrypt: " + e.getClass().getSimpleName(), e);
        }
    }
}
