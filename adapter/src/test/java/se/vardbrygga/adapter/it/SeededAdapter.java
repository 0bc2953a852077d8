package se.vardbrygga.adapter.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import se.vardbrygga.adapter.config.AdapterConfig;
import se.vardbrygga.adapter.server.AdapterServer;

/**
 * An adapter as the domain tests need it: validation and rules on, no scheduled jobs (tests run them),
 * and the demo directory (units, roles, patients) loaded through the FHIR API.
 */
final class SeededAdapter {
    private SeededAdapter() {
    }

    static AdapterServer start(AdapterConfig.Database database, Clock clock) throws Exception {
        return start(database, clock, AdapterConfig.Purchase.BUILT_IN);
    }

    static AdapterServer start(AdapterConfig.Database database, Clock clock, AdapterConfig.Purchase purchase) throws Exception {
        AdapterServer server = AdapterServer.start(new AdapterConfig(new AdapterConfig.Server("127.0.0.1", 0, 1 << 20, ""),
                database, new AdapterConfig.Validation(true), AdapterConfig.Jobs.OFF, purchase), clock);
        try (InputStream seed = SeededAdapter.class.getResourceAsStream("/demo/seed-bundle.json")) {
            FhirHttp.Response r = new FhirHttp(server.baseUrl()).post("", new String(seed.readAllBytes(), StandardCharsets.UTF_8));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        } catch (IOException e) {
            server.close();
            throw new UncheckedIOException(e);
        }
        return server;
    }
}
