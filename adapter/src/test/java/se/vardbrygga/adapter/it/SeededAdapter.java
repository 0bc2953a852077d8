package se.vardbrygga.adapter.it;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.hl7.fhir.r4.model.Bundle;
import se.vardbrygga.adapter.config.AdapterConfig;
import se.vardbrygga.adapter.fhir.Access;
import se.vardbrygga.adapter.server.AdapterServer;

/**
 * An adapter as the domain tests need it: validation and rules on, no scheduled jobs (tests run them),
 * and the demo directory (units, roles, patients) loaded through the FHIR API.
 */
final class SeededAdapter {
    private SeededAdapter() {
    }

    static AdapterServer start(AdapterConfig.Database database, Clock clock) throws Exception {
        return start(database, clock, AdapterConfig.Purchase.BUILT_IN, AdapterConfig.Routing.OFF);
    }

    static AdapterServer start(AdapterConfig.Database database, Clock clock, AdapterConfig.Purchase purchase) throws Exception {
        return start(database, clock, purchase, AdapterConfig.Routing.OFF);
    }

    /** With {@code routing}: the outbox worker of this node (Routing.OFF: none; tests may run it by hand). */
    static AdapterServer start(AdapterConfig.Database database, Clock clock, AdapterConfig.Purchase purchase,
                               AdapterConfig.Routing routing) throws Exception {
        return start(config(database, purchase, routing), clock, seed -> seed);
    }

    static AdapterConfig config(AdapterConfig.Database database, AdapterConfig.Purchase purchase, AdapterConfig.Routing routing) {
        return new AdapterConfig(new AdapterConfig.Server("127.0.0.1", 0, 1 << 20, ""),
                database, new AdapterConfig.Validation(true), AdapterConfig.Jobs.OFF, purchase, routing,
                AdapterConfig.Outage.OFF, AdapterConfig.Security.OPEN);
    }

    /**
     * With token checks on ({@code config}'s security): the directory is seeded in-process, as the server's own work
     * ({@link Access#ALL}), since no caller's token may write every unit's entries.
     */
    static AdapterServer startSecured(AdapterConfig config) throws Exception {
        AdapterServer server = AdapterServer.start(config, Clock.systemUTC());
        try (InputStream seed = SeededAdapter.class.getResourceAsStream("/demo/seed-bundle.json")) {
            server.bundles().process(FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class,
                    new String(seed.readAllBytes(), StandardCharsets.UTF_8)), Access.ALL);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** With the seed's text changed first, e.g. its Endpoint addresses moved to simulators on free ports. */
    static AdapterServer start(AdapterConfig config, Clock clock, java.util.function.UnaryOperator<String> seedRewrite) throws Exception {
        AdapterServer server = AdapterServer.start(config, clock);
        try (InputStream seed = SeededAdapter.class.getResourceAsStream("/demo/seed-bundle.json")) {
            FhirHttp.Response r = new FhirHttp(server.baseUrl()).post("", seedRewrite.apply(new String(seed.readAllBytes(), StandardCharsets.UTF_8)));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        } catch (IOException e) {
            server.close();
            throw new UncheckedIOException(e);
        }
        return server;
    }
}
