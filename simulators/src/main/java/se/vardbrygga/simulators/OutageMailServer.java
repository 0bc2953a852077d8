package se.vardbrygga.simulators;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;

/**
 * The outage routine's mail server (R-OUT-1): a real SMTP server that takes the encrypted SBAR e-mails, and IMAP to
 * read them with any mail client (user and password: the unit's address). GreenMail, on the demo ports 2525 (SMTP)
 * and 2143 (IMAP), or free ports when given 0.
 */
public final class OutageMailServer implements AutoCloseable {
    public static final int DEMO_SMTP_PORT = 2525;
    public static final int DEMO_IMAP_PORT = 2143;

    private final int smtpPort;
    private final int imapPort;
    private final List<MimeMessage> beforeRestart = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile GreenMail mail;
    private boolean down;

    private OutageMailServer(GreenMail mail) {
        this.mail = mail;
        this.smtpPort = mail.getSmtp().getPort();
        this.imapPort = mail.getImap().getPort();
    }

    public static OutageMailServer start(int smtpPort, int imapPort) {
        ServerSetup smtp = new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        ServerSetup imap = new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP);
        GreenMail mail = new GreenMail(new ServerSetup[] {smtpPort == 0 ? smtp.dynamicPort() : smtp, imapPort == 0 ? imap.dynamicPort() : imap});
        mail.start();
        return new OutageMailServer(mail);
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int imapPort() {
        return imapPort;
    }

    /**
     * Takes the mail server down (connections refused) or brings it back on the same ports: the outage routine when
     * the mail server fails too. What arrived before stays in {@link #received()}; IMAP mailboxes start empty again.
     */
    public synchronized void up(boolean up) {
        if (up && down) {
            mail = new GreenMail(new ServerSetup[] {new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                    new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
            mail.start();
            down = false;
        } else if (!up && !down) {
            beforeRestart.addAll(List.of(mail.getReceivedMessages()));
            mail.stop();
            down = true;
        }
    }

    /** Every message received so far, in order of arrival. */
    public List<MimeMessage> received() {
        List<MimeMessage> all = new java.util.ArrayList<>(beforeRestart);
        all.addAll(List.of(mail.getReceivedMessages()));
        return all;
    }

    /** Waits until at least {@code count} messages have arrived; false when the time ran out. */
    public boolean await(int count, Duration timeout) {
        return mail.waitForIncomingEmail(timeout.toMillis(), Math.max(0, count - beforeRestart.size()));
    }

    @Override
    public void close() {
        mail.stop();
    }
}
