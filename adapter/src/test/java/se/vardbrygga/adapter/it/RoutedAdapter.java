package se.vardbrygga.adapter.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.function.Function;
import se.vardbrygga.adapter.config.AdapterConfig;
import se.vardbrygga.adapter.server.AdapterServer;
import se.vardbrygga.simulators.DownstreamSimulators;

/**
 * The routing tests' adapter: the downstream simulators (and the outage mail server) on free ports, an adapter
 * seeded with the demo directory whose Endpoints point at them, its HTTP clients, and the health centre's consent
 * for the home-care unit so that its Tasks are routed. The tests run the outbox worker by hand ({@link #drain()}).
 */
final class RoutedAdapter implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    final DownstreamSimulators simulators;
    final AdapterConfig config;
    final AdapterServer server;
    final FhirHttp fhir;
    final FhirHttp intake;
    final FhirHttp admin;

    private RoutedAdapter(DownstreamSimulators simulators, AdapterConfig config, AdapterServer server) {
        this.simulators = simulators;
        this.config = config;
        this.server = server;
        this.fhir = new FhirHttp(server.baseUrl());
        this.intake = new FhirHttp(server.baseUrl().replace("/fhir", "/intake"));
        this.admin = new FhirHttp(server.baseUrl().replace("/fhir", "/admin"));
    }

    /** {@code config}: the adapter's configuration, which may name the simulators (e.g. their mail server). */
    static RoutedAdapter start(Clock clock, Function<DownstreamSimulators, AdapterConfig> config) throws Exception {
        DownstreamSimulators simulators = DownstreamSimulators.start(0);
        try {
            AdapterConfig adapterConfig = config.apply(simulators);
            RoutedAdapter routed = new RoutedAdapter(simulators, adapterConfig, SeededAdapter.start(adapterConfig, clock, simulators::rewrite));
            assertThat(routed.intake.postJson("consent", RoutedDocuments.consent()).status()).isEqualTo(201);
            return routed;
        } catch (Exception | Error e) {
            simulators.close();
            throw e;
        }
    }

    /** Runs the outbox worker until nothing is due; returns the rows it handled. */
    int drain() {
        int total = 0;
        for (int n; (n = server.outboxWorker().runOnce()) > 0; ) {
            total += n;
        }
        return total;
    }

    /** {@code GET /admin/outbox<query>}, answered 200. */
    JsonNode outbox(String query) {
        FhirHttp.Response r = admin.get("outbox" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws Exception {
        try (simulators) {
            server.close();
        }
    }
}
