package se.vardbrygga.adapter.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vardbrygga.adapter.config.AdapterConfig;
import se.vardbrygga.adapter.server.AdapterServer;

/** {@code serve}: starts the server as configured and says where it listens. */
final class Serve {
    private static final Logger LOG = LoggerFactory.getLogger(Serve.class);

    private Serve() {
    }

    static AdapterServer start(AdapterConfig config) throws Exception {
        long started = System.nanoTime();
        AdapterServer server = AdapterServer.start(config);
        LOG.info("Vårdbrygga {} serving FHIR R4 at {} (health: http://localhost:{}/health, database: {}) in {} ms",
                AdapterServer.VERSION, server.baseUrl(), server.port(), databaseKind(config.database().url()),
                (System.nanoTime() - started) / 1_000_000);
        return server;
    }

    /** The kind and place of the database, without credentials. */
    static String databaseKind(String url) {
        int semicolon = url.indexOf(';');
        String withoutOptions = semicolon < 0 ? url : url.substring(0, semicolon);
        int question = withoutOptions.indexOf('?');
        return question < 0 ? withoutOptions : withoutOptions.substring(0, question);
    }
}
