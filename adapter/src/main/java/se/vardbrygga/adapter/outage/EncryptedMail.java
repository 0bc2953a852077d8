package se.vardbrygga.adapter.outage;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Properties;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.mail.smime.SMIMEEnvelopedGenerator;
import org.bouncycastle.mail.smime.SMIMEException;

/**
 * The outage routine's e-mail (R-OUT-1): a message with the SBAR form as a PDF attachment, S/MIME-enveloped
 * (CMS, AES-256-CBC, RSA key transport) for the receiving unit's certificate, so that only the unit can read it.
 * Subject and body carry no patient data.
 */
public final class EncryptedMail {
    private EncryptedMail() {
    }

    /**
     * The encrypted message; {@code messageId} (e.g. {@code <id@host>}) is its Message-ID header, kept when the
     * message is sent (JavaMail would otherwise make a new one), so that a resend is recognisably the same mail.
     */
    public static MimeMessage sbar(Session session, String messageId, String from, String to, String subject, byte[] pdf,
                                   X509Certificate recipient) {
        try {
            MimeBodyPart text = new MimeBodyPart();
            text.setText("SBAR-blankett enligt avbrottsrutinen. Ring avsändaren vid frågor.", "UTF-8");
            MimeBodyPart attachment = new MimeBodyPart();
            attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(pdf, "application/pdf")));
            attachment.setFileName("SBAR.pdf");
            MimeMultipart content = new MimeMultipart();
            content.addBodyPart(text);
            content.addBodyPart(attachment);
            MimeBodyPart inner = new MimeBodyPart();
            inner.setContent(content);

            SMIMEEnvelopedGenerator generator = new SMIMEEnvelopedGenerator();
            generator.addRecipientInfoGenerator(new JceKeyTransRecipientInfoGenerator(recipient));
            MimeBodyPart encrypted = generator.generate(inner,
                    new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES256_CBC).build());

            MimeMessage message = new MimeMessage(session) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", messageId);
                }
            };
            message.setFrom(new InternetAddress(from));
            message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to));
            message.setSubject(subject, "UTF-8");
            message.setContent(encrypted.getContent(), encrypted.getContentType());
            message.saveChanges();
            return message;
        } catch (MessagingException | SMIMEException | CMSException | CertificateEncodingException | java.io.IOException e) {
            throw new IllegalStateException("The encrypted outage e-mail could not be built: " + e.getClass().getSimpleName(), e);
        }
    }

    /** A mail session for an SMTP server (the outage mail server of the configuration). */
    public static Session smtp(String host, int port) {
        Properties props = new Properties();
        props.put("mail.smtp.host", host);
        props.put("mail.smtp.port", String.valueOf(port));
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "10000");
        return Session.getInstance(props);
    }
}
