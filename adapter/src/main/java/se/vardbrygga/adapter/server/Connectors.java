package se.vardbrygga.adapter.server;

import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import se.vardbrygga.adapter.config.AdapterConfig;

/**
 * The server's one connector: plain HTTP, or HTTPS (TLS 1.2+, the JDK's default ciphers) when a key store is
 * configured, with mutual TLS when client certificates are needed or wanted. The client certificate then reaches the
 * servlets as the standard request attribute {@code jakarta.servlet.request.X509Certificate}.
 */
final class Connectors {
    private Connectors() {
    }

    static ServerConnector of(Server jetty, AdapterConfig.Server config) {
        AdapterConfig.Tls tls = config.tls();
        ServerConnector connector;
        if (tls.enabled()) {
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setKeyStorePath(tls.keyStore());
            ssl.setKeyStorePassword(tls.keyStorePassword());
            ssl.setKeyStoreType("PKCS12");
            ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
            if (!tls.trustStore().isBlank()) {
                ssl.setTrustStorePath(tls.trustStore());
                ssl.setTrustStorePassword(tls.trustStorePassword());
                ssl.setTrustStoreType("PKCS12");
            }
            switch (tls.clientAuth()) {
                case "need" -> ssl.setNeedClientAuth(true);
                case "want" -> ssl.setWantClientAuth(true);
                case "none" -> { }
                default -> throw new IllegalArgumentException("server.tls.clientAuth must be need, want or none, not '" + tls.clientAuth() + "'");
            }
            if (!"none".equals(tls.clientAuth()) && tls.trustStore().isBlank()) {
                throw new IllegalArgumentException("server.tls.clientAuth=" + tls.clientAuth() + " needs server.tls.trustStore (the CAs of the client certificates)");
            }
            HttpConfiguration https = new HttpConfiguration();
            SecureRequestCustomizer secure = new SecureRequestCustomizer();
            secure.setSniHostCheck(false); // clients may reach the node by an address its certificate does not name (a load balancer's)
            https.addCustomizer(secure);
            connector = new ServerConnector(jetty, new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString()), new HttpConnectionFactory(https));
        } else {
            connector = new ServerConnector(jetty);
        }
        connector.setHost(config.host());
        connector.setPort(config.port());
        return connector;
    }
}
