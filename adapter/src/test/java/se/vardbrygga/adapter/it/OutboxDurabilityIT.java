package se.vardbrygga.adapter.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.vardbrygga.adapter.config.AdapterConfig;
import se.vardbrygga.simulators.ChannelSimulator;
import se.vardbrygga.simulators.DownstreamSimulators;

/**
 * Nothing lost, nothing twice: the adapter (the executable jar, its outbox worker on) is killed with SIGKILL in
 * the middle of a burst of 500 routed SIP invitations on PostgreSQL and started again: every invitation the
 * adapter answered 201 for reaches Lifecare SP, and the simulator acts on each exactly once — a redelivery after
 * the crash carries the same message id and is recognised as a duplicate.
 */
class OutboxDurabilityIT {
    private static final int BURST = 500;

    @TempDir
    Path dir;

    @Test
    void When_KilledInTheMiddleOfABurst_Expect_EveryCommittedResourceDeliveredExactlyOnce() throws Exception {
        AdapterConfig.Database db = TestDatabases.postgres();
        Map<String, String> env = Map.of("VARDBRYGGA_DATABASE_URL", db.url(), "VARDBRYGGA_DATABASE_USER", db.user(),
                "VARDBRYGGA_DATABASE_PASSWORD", db.password(), "VARDBRYGGA_ROUTING_POLL_MILLIS", "20",
                "VARDBRYGGA_JOBS_ASSISTANCE_REMINDER_INTERVAL_SECONDS", "0");
        Set<String> committed = ConcurrentHashMap.newKeySet();
        try (DownstreamSimulators simulators = DownstreamSimulators.start(0)) {
            ChannelSimulator lifecare = simulators.get("lifecare-sp");
            try (AdapterProcess first = AdapterProcess.start(env, dir.resolve("serve-1.log"))) {
                seed(first, simulators);
                burst(first, committed);
            } // SIGKILL in the middle of the burst: requests in flight fail, deliveries in flight are cut

            try (AdapterProcess second = AdapterProcess.start(env, dir.resolve("serve-2.log"))) {
                awaitEmptyOutbox(second);
            }
            Map<String, Integer> actedOnPerTask = new HashMap<>();
            for (String message : lifecare.actedOn().values()) {
                Bundle bundle = FhirHttp.FHIR.newJsonParser().parseResource(Bundle.class, message);
                Task task = (Task) bundle.getEntry().get(1).getResource();
                actedOnPerTask.merge(task.getIdElement().getIdPart(), 1, Integer::sum);
            }
            assertThat(committed).as("answered 201 before the kill").hasSizeBetween(20, BURST - 1);
            assertThat(actedOnPerTask.keySet()).as("every committed invitation delivered").containsAll(committed);
            assertThat(actedOnPerTask.values()).as("none acted on twice").allMatch(n -> n == 1);
            System.out.println("kill -9 burst: " + committed.size() + " answered 201 before the kill, "
                    + actedOnPerTask.size() + " delivered (incl. committed but unanswered), "
                    + lifecare.duplicates() + " redeliveries recognised as duplicates");
        }
    }

    private static void seed(AdapterProcess adapter, DownstreamSimulators simulators) throws Exception {
        try (InputStream seed = OutboxDurabilityIT.class.getResourceAsStream("/demo/seed-bundle.json")) {
            FhirHttp.Response r = new FhirHttp(adapter.baseUrl()).post("",
                    simulators.rewrite(new String(seed.readAllBytes(), StandardCharsets.UTF_8)));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
        FhirHttp.Response consent = intake(adapter).postJson("consent", RoutedDocuments.consent());
        assertThat(consent.status()).as(consent.body()).isEqualTo(201);
    }

    /** Sends the burst from 8 threads and kills the adapter when about half of it is answered. */
    private static void burst(AdapterProcess adapter, Set<String> committed) throws Exception {
        FhirHttp intake = intake(adapter);
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        for (int t = 0; t < 8; t++) {
            clients.submit(() -> {
                for (int n; (n = next.getAndIncrement()) < BURST; ) {
                    try {
                        FhirHttp.Response r = intake.postJson("sip-invitation", RoutedDocuments.sipInvitation(n));
                        if (r.status() == 201) {
                            committed.add(r.createdId("Task"));
                        }
                    } catch (RuntimeException killed) {
                        return;
                    }
                }
            });
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (committed.size() < BURST / 2 && Instant.now().isBefore(deadline)) {
            Thread.sleep(5);
        }
        adapter.kill();
        clients.shutdown();
        clients.awaitTermination(30, TimeUnit.SECONDS);
    }

    private static void awaitEmptyOutbox(AdapterProcess adapter) throws Exception {
        FhirHttp admin = new FhirHttp(adapter.root() + "/admin");
        ObjectMapper json = new ObjectMapper();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            var counts = json.readTree(admin.get("outbox?limit=1").body()).get("counts");
            if (counts.get("pending").asInt() == 0) {
                assertThat(counts.get("dead").asInt()).isZero();
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the outbox did not drain after the restart");
    }

    private static FhirHttp intake(AdapterProcess adapter) {
        return new FhirHttp(adapter.root() + "/intake");
    }
}
