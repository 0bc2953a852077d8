package se.vardbrygga.adapter.it;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority for tests, in the way of SITHS: it issues the server's certificate (localhost) and unit
 * certificates whose subject carries the unit's HSA-id as serialNumber; PKCS#12 files for the server, SSL contexts
 * for clients.
 */
final class TestCertificates {
    static final char[] PASSWORD = "changeit".toCharArray();

    private final KeyPair caKeys;
    private final X509Certificate ca;
    private long serial = 1;

    /** A key and its certificate, issued by this CA. */
    record Issued(KeyPair keys, X509Certificate certificate) {
    }

    TestCertificates() throws GeneralSecurityException, org.bouncycastle.operator.OperatorCreationException, IOException {
        caKeys = keys();
        X500Name name = new X500Name("CN=Test SITHS CA, O=Vardbrygga test");
        ca = sign(new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(serial++), new Date(), new Date(System.currentTimeMillis() + 86_400_000L),
                name, caKeys.getPublic()).addExtension(Extension.basicConstraints, true, new BasicConstraints(true)));
    }

    Issued server() throws Exception {
        KeyPair keys = keys();
        return new Issued(keys, sign(builder("CN=localhost", keys).addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName[] {new GeneralName(GeneralName.dNSName, "localhost"),
                        new GeneralName(GeneralName.iPAddress, "127.0.0.1")}))));
    }

    /** A unit's certificate: subject serialNumber = the HSA-id, as SITHS function certificates carry it. */
    Issued unit(String hsaId) throws Exception {
        KeyPair keys = keys();
        return new Issued(keys, sign(builder("CN=Vardbrygga integration, SERIALNUMBER=" + hsaId, keys)));
    }

    /** A PKCS#12 key store with the key and its chain (the server's {@code keyStore}). */
    Path keyStore(Issued issued) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("key", issued.keys().getPrivate(), PASSWORD, new X509Certificate[] {issued.certificate(), ca});
        return write(store);
    }

    /** A PKCS#12 trust store with this CA (the server's {@code trustStore}). */
    Path trustStore() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("ca", ca);
        return write(store);
    }

    /** A client's SSL context: it trusts this CA and, unless {@code client} is null, presents that certificate. */
    SSLContext clientContext(Issued client) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", ca);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        if (client != null) {
            keys.setKeyEntry("client", client.keys().getPrivate(), PASSWORD, new X509Certificate[] {client.certificate(), ca});
        }
        kmf.init(keys, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return context;
    }

    private X509v3CertificateBuilder builder(String subject, KeyPair keys) {
        return new JcaX509v3CertificateBuilder(new X500Name("CN=Test SITHS CA, O=Vardbrygga test"), BigInteger.valueOf(serial++), new Date(),
                new Date(System.currentTimeMillis() + 86_400_000L), new X500Name(subject), keys.getPublic());
    }

    private X509Certificate sign(X509v3CertificateBuilder builder) throws GeneralSecurityException,
            org.bouncycastle.operator.OperatorCreationException {
        return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(caKeys.getPrivate())));
    }

    private static KeyPair keys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static Path write(KeyStore store) throws Exception {
        Path file = Files.createTempFile("vb-tls-", ".p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD);
        }
        return file;
    }
}
