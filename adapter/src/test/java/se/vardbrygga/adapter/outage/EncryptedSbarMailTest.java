package se.vardbrygga.adapter.outage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.util.Date;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import se.vardbrygga.simulators.OutageMailServer;
import se.vardbrygga.simulators.ReceivingUnitKeys;

/** The outage routine's form and mail with real PDFBox and BouncyCastle: only the receiving unit reads it (R-OUT-1). */
class EncryptedSbarMailTest {
    private static final SbarForm.Content FORM = new SbarForm.Content("19121212-1212", "Centralsjukhuset Karlstad, avd 12",
            "Karlstads kommun, hemsjukvård", "Utskrivning idag kl 14", "KOL, syrgas 2 l/min",
            "Stabil, saturation 92 %", "Hembesök inom ett dygn", "Omläggning av bensår tre gånger i veckan");

    private record Unit(KeyPair keys, X509Certificate certificate) {
    }

    private static Unit unit(String name) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        X500Name subject = new X500Name("CN=" + name);
        Date now = new Date();
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(subject,
                BigInteger.ONE, now, new Date(now.getTime() + 86_400_000L), subject, keys.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
        return new Unit(keys, cert);
    }

    private static MimeMessage sent(Unit receiver) throws Exception {
        Session session = Session.getInstance(new java.util.Properties());
        MimeMessage message = EncryptedMail.sbar(session, "<m1@vardbrygga>", "vardbrygga@example.se", "hemsjukvard@example.se",
                "SBAR (avbrottsrutin)", SbarForm.pdf(FORM), receiver.certificate());
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        message.writeTo(wire); // what the SMTP server receives
        return new MimeMessage(session, new ByteArrayInputStream(wire.toByteArray()));
    }

    private static String decryptedPdfText(MimeMessage message, Unit receiver) {
        return ReceivingUnitKeys.sbarText(message, receiver.certificate(), receiver.keys().getPrivate());
    }

    @Test
    void When_MailDecryptedWithTheReceiversKey_Expect_TheFormWithPatientUnitsAndAllFourSections_R_OUT_1() throws Exception {
        Unit homeCare = unit("Karlstads kommun hemsjukvard");
        MimeMessage message = sent(homeCare);

        assertThat(message.getContentType()).contains("application/pkcs7-mime").contains("enveloped-data");
        assertThat(message.getMessageID()).isEqualTo("<m1@vardbrygga>");
        assertThat(message.getSubject()).doesNotContain("1212"); // no patient data outside the encryption
        String text = decryptedPdfText(message, homeCare);
        assertThat(text).contains("19121212-1212").contains("Karlstads kommun, hemsjukvård").contains("Centralsjukhuset Karlstad")
                .contains("S - Situation").contains("Utskrivning idag").contains("B - Bakgrund").contains("KOL")
                .contains("A - Aktuellt tillstånd").contains("saturation 92").contains("R - Rekommendation")
                .contains("Hembesök inom ett dygn").contains("Omläggning av bensår");
    }

    @Test
    void When_AnotherUnitHasTheMail_Expect_ItCannotReadIt_R_OUT_1() throws Exception {
        MimeMessage message = sent(unit("Mottagaren"));
        Unit other = unit("Någon annan");

        assertThatThrownBy(() -> decryptedPdfText(message, other)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void When_ARegionsVariantHasItsOwnTitle_Expect_TitleAndNoteOnTheForm_R_TK_7() throws Exception {
        byte[] pdf = SbarForm.pdf(new SbarForm.Content("p", "s", "r", "", "", "", "", "", "Skriftlig sammanfattning (R-TK-7)",
                "Journalen överförs till tjänsteköparen."));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains("Skriftlig sammanfattning (R-TK-7)")
                    .contains("Journalen överförs till tjänsteköparen.").doesNotContain("avbrottsrutin)");
        }
    }

    @Test
    void When_SectionsAreLong_Expect_TheyWrapOntoMorePages() throws Exception {
        String longText = "Lång anteckning ".repeat(600);
        byte[] pdf = SbarForm.pdf(new SbarForm.Content("p", "s", "r", longText, "", null, "", ""));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
            assertThat(new PDFTextStripper().getText(document)).contains("B - Bakgrund").contains("R - Rekommendation");
        }
    }

    @Test
    void When_SentOverSmtpToADemoUnit_Expect_ItsKeyReadsTheForm_R_OUT_1() throws Exception {
        ReceivingUnitKeys demo = ReceivingUnitKeys.demo();
        String to = "umea.hemsjukvard@example.se";
        try (OutageMailServer server = OutageMailServer.start(0, 0)) {
            jakarta.mail.Transport.send(EncryptedMail.sbar(EncryptedMail.smtp("127.0.0.1", server.smtpPort()), "<m2@vardbrygga>",
                    "vardbrygga@example.se", to, "SBAR (avbrottsrutin)", SbarForm.pdf(FORM), demo.certificate(to)));

            assertThat(server.await(1, java.time.Duration.ofSeconds(10))).isTrue();
            MimeMessage received = server.received().get(0);
            assertThat(received.getMessageID()).isEqualTo("<m2@vardbrygga>");
            assertThat(demo.sbarText(received)).get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                    .contains("19121212-1212").contains("Omläggning av bensår");
        }
    }
}
