package se.vardbrygga.adapter.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.vardbrygga.adapter.config.AdapterConfig;
import se.vardbrygga.adapter.server.AdapterServer;
import se.vardbrygga.simulators.ChannelSimulator;
import se.vardbrygga.simulators.DownstreamSimulators;

/**
 * Routing and the outbox with real HTTP to the simulators: each routed resource reaches the channel the agreements
 * name exactly once, a channel that is down is retried with backoff and delivered when it is back, a refusal is
 * dead and can be replayed, what has no channel is visible, and two adapter nodes on one database deliver a burst
 * with no duplicate and no loss.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RoutingContract {
    private static final String HEALTH_CENTRE = RoutedDocuments.HEALTH_CENTRE;
    private static final String HOME_CARE = RoutedDocuments.HOME_CARE;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-25T09:00:00Z"));
    private RoutedAdapter routed;
    private DownstreamSimulators simulators;
    private AdapterServer server;
    private FhirHttp fhir;
    private FhirHttp intake;
    private FhirHttp admin;

    abstract AdapterConfig.Database database();

    /** How many resources the two-node burst routes. */
    abstract int burst();

    /**
     * Whether two adapter nodes share the database and claim rows side by side: PostgreSQL, which skips the rows
     * another node holds and takes the next ones. H2 is the one-node database (an embedded file): there two workers
     * of one node drain the burst, and as H2 2.3 limits the rows before it skips the locked ones they take turns,
     * still with no duplicate and no loss.
     */
    abstract boolean nodesShareTheWork();

    @BeforeAll
    void start() throws Exception {
        routed = RoutedAdapter.start(clock, sims -> SeededAdapter.config(database(), AdapterConfig.Purchase.BUILT_IN,
                AdapterConfig.Routing.OFF.withBackoff(1000, 60_000).withMaxAttempts(3)));
        simulators = routed.simulators;
        server = routed.server;
        fhir = routed.fhir;
        intake = routed.intake;
        admin = routed.admin;
    }

    @AfterAll
    void stop() throws Exception {
        routed.close();
    }

    private String createdTask(FhirHttp.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.createdId("Task");
    }

    private JsonNode outbox(String query) {
        return routed.outbox(query);
    }

    private int drain() {
        return routed.drain();
    }

    @Test
    void homeCareAssignmentReachesTheJournalNpoAndLifecareOnce_R_INFO_2() throws Exception {
        ChannelSimulator journal = simulators.get("cosmic-journal");
        ChannelSimulator npo = simulators.get("npo");
        ChannelSimulator lifecare = simulators.get("lifecare-sp");
        int journalBefore = journal.actedOn().size();
        int npoBefore = npo.actedOn().size();
        int lifecareBefore = lifecare.actedOn().size();
        String task = createdTask(intake.postJson("home-care-assignment", ("{'sender':{'hsaId':'%s'},'patient':{'personnummer':'194403279823'},"
                + "'physician':{'hsaId':'SE2321009959-R0101','name':'Anna Bergström'},'homeCareUnit':{'hsaId':'%s'},"
                + "'assignmentId':'RT-1','reason':'Bensår','background':'Diabetes typ 2','status':'Opåverkad',"
                + "'orderedTreatment':'Omläggning','needs':['Omläggning av bensår']}").formatted(HEALTH_CENTRE, HOME_CARE)));

        JsonNode queued = outbox("?resource=Task/" + task);
        assertThat(queued.get("entries")).hasSize(3).allSatisfy(e -> assertThat(e.get("status").asText()).isEqualTo("pending"));
        assertThat(businessStatus(task)).isEqualTo("queued");
        drain();

        assertThat(outbox("?resource=Task/" + task).get("entries")).allSatisfy(e -> assertThat(e.get("status").asText()).isEqualTo("delivered"));
        assertThat(journal.actedOn()).hasSize(journalBefore + 1);
        assertThat(lifecare.actedOn()).hasSize(lifecareBefore + 1);
        assertThat(npo.actedOnResources().subList(npoBefore, npoBefore + 1)).singleElement().isInstanceOfSatisfying(DocumentReference.class,
                note -> assertThat(note.getType().getText()).isEqualTo("Uppdrag hemsjukvård"));
        Parameters routes = fhir.get("Task/" + task + "/$routes").as(Parameters.class);
        assertThat(routes.getParameter().stream().filter(p -> p.getName().equals("route"))).hasSize(3);
        assertThat(routes.getParameter().stream().filter(p -> p.getName().equals("delivery"))).hasSize(3);
        assertThat(drain()).isZero(); // nothing delivered twice
        assertThat(businessStatus(task)).isEqualTo("delivered");
        assertThat(fhir.count("AuditEvent?action=E&entity=Task/" + task + "&outcome=0")).as("an AuditEvent per hop").isEqualTo(3);
        assertThat(fhir.count("AuditEvent?action=E&entity=Task/" + task + "&subtype=http://vardbrygga.example/fhir/CodeSystem/endpoint-type|npo"))
                .isEqualTo(1);

        String metrics = new FhirHttp(server.baseUrl().replace("/fhir", "")).get("metrics").body();
        assertThat(metrics).contains("vardbrygga_deliveries_total{channel=\"cosmic-journal\"}")
                .containsPattern("vardbrygga_delivery_latency_seconds_bucket\\{channel=\"npo\",le=\"\\+Inf\"\\} [1-9]")
                .containsPattern("vardbrygga_outbox_rows\\{status=\"delivered\"\\} [1-9]");
    }

    private String businessStatus(String task) {
        return fhir.get("Task/" + task).as(org.hl7.fhir.r4.model.Task.class).getBusinessStatus().getCodingFirstRep().getCode();
    }

    @Test
    void theUnitsReplyIsRoutedBackAndAnIllegalTransitionIs409_R_INFO_1() throws Exception {
        String task = createdTask(intake.postJson("sip-invitation", RoutedDocuments.sipInvitation(4)));
        drain();
        org.hl7.fhir.r4.model.Task invitation = fhir.get("Task/" + task).as(org.hl7.fhir.r4.model.Task.class);
        invitation.setStatus(org.hl7.fhir.r4.model.Task.TaskStatus.ACCEPTED);
        FhirHttp.Response accepted = fhir.put("Task/" + task, invitation);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        JsonNode rows = outbox("?resource=Task/" + task).get("entries");
        assertThat(rows).hasSize(2); // the invitation, and the acceptance back to the health centre
        assertThat(rows.get(0).get("channel").asText()).isEqualTo("lifecare-sp");
        assertThat(rows.get(0).get("unit").asText()).isNotEqualTo(rows.get(1).get("unit").asText());

        org.hl7.fhir.r4.model.Task back = fhir.get("Task/" + task).as(org.hl7.fhir.r4.model.Task.class)
                .setStatus(org.hl7.fhir.r4.model.Task.TaskStatus.REQUESTED);
        FhirHttp.Response illegal = fhir.put("Task/" + task, back);
        assertThat(illegal.status()).as(illegal.body()).isEqualTo(409);
        assertThat(illegal.body()).contains("allowed: ").contains("in-progress").contains("completed");
    }

    @Test
    void aChannelThatIsDownIsRetriedWithBackoffAndDeliveredWhenBack_R_INFO_1() throws Exception {
        ChannelSimulator lifecare = simulators.get("lifecare-sp");
        int before = lifecare.actedOn().size();
        lifecare.mode(ChannelSimulator.Mode.DOWN);
        try {
            String task = createdTask(intake.postJson("sip-invitation", RoutedDocuments.sipInvitation(1)));
            assertThat(drain()).isEqualTo(1);
            JsonNode row = outbox("?resource=Task/" + task).get("entries").get(0);
            assertThat(row.get("status").asText()).isEqualTo("pending");
            assertThat(row.get("attempts").asInt()).isEqualTo(1);
            assertThat(row.get("lastError").asText()).contains("unreachable");
            assertThat(Instant.parse(row.get("nextAttempt").asText())).isAfter(clock.instant().plusMillis(499));
            assertThat(drain()).isZero(); // not yet due

            lifecare.mode(ChannelSimulator.Mode.UP);
            clock.advance(Duration.ofSeconds(2));
            assertThat(drain()).isEqualTo(1);
            assertThat(outbox("?resource=Task/" + task).get("entries").get(0).get("status").asText()).isEqualTo("delivered");
            assertThat(lifecare.actedOn()).hasSize(before + 1);
            assertThat(fhir.count("AuditEvent?action=E&entity=Task/" + task + "&outcome=4")).as("the failed hop is audited").isEqualTo(1);
            assertThat(fhir.count("AuditEvent?action=E&entity=Task/" + task + "&outcome=0")).isEqualTo(1);
        } finally {
            lifecare.mode(ChannelSimulator.Mode.UP);
        }
    }

    @Test
    void aRefusalIsDeadAtOnceAndAReplayDeliversIt() throws Exception {
        ChannelSimulator lifecare = simulators.get("lifecare-sp");
        lifecare.mode(ChannelSimulator.Mode.REJECT);
        String task;
        try {
            task = createdTask(intake.postJson("sip-invitation", RoutedDocuments.sipInvitation(2)));
            drain();
        } finally {
            lifecare.mode(ChannelSimulator.Mode.UP);
        }
        JsonNode dead = outbox("?status=dead&resource=Task/" + task).get("entries");
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).get("lastError").asText()).contains("fatal-error");

        long id = dead.get(0).get("id").asLong();
        assertThat(admin.post("outbox/" + id + "/replay", "").status()).isEqualTo(200);
        assertThat(admin.post("outbox/" + id + "/replay", "").status()).isEqualTo(409); // only a dead row
        drain();
        assertThat(outbox("?resource=Task/" + task).get("entries").get(0).get("status").asText()).isEqualTo("delivered");
    }

    @Test
    void aTransientFailureBecomesDeadAfterTheConfiguredAttempts() throws Exception {
        ChannelSimulator lifecare = simulators.get("lifecare-sp");
        lifecare.mode(ChannelSimulator.Mode.ERROR_5XX);
        try {
            String task = createdTask(intake.postJson("sip-invitation", RoutedDocuments.sipInvitation(3)));
            for (int attempt = 0; attempt < 3; attempt++) {
                drain();
                clock.advance(Duration.ofMinutes(2));
            }
            JsonNode row = outbox("?resource=Task/" + task).get("entries").get(0);
            assertThat(row.get("status").asText()).isEqualTo("dead");
            assertThat(row.get("attempts").asInt()).isEqualTo(3);
            assertThat(row.get("lastError").asText()).contains("503");
            assertThat(businessStatus(task)).isEqualTo("failed");
        } finally {
            lifecare.mode(ChannelSimulator.Mode.UP);
        }
    }

    @Test
    void whatHasNoChannelIsVisibleNotDropped_R_COM_1() throws Exception {
        String heart = fhir.get("Organization?identifier=urn:oid:1.2.752.29.4.19|SE2321009942-VB1301").as(org.hl7.fhir.r4.model.Bundle.class)
                .getEntryFirstRep().getResource().getIdElement().getIdPart();
        String homeCare = fhir.get("Organization?identifier=urn:oid:1.2.752.29.4.19|" + HOME_CARE).as(org.hl7.fhir.r4.model.Bundle.class)
                .getEntryFirstRep().getResource().getIdElement().getIdPart();
        String patient = fhir.get("Patient?identifier=http://electronichealth.se/identifier/personnummer|194403279823")
                .as(org.hl7.fhir.r4.model.Bundle.class).getEntryFirstRep().getResource().getIdElement().getIdPart();
        Communication question = new Communication().setStatus(Communication.CommunicationStatus.COMPLETED)
                .setSubject(new Reference("Patient/" + patient)).setSender(new Reference("Organization/" + homeCare));
        question.addRecipient(new Reference("Organization/" + heart));
        question.addPayload().setContent(new StringType("Inför besöket"));
        FhirHttp.Response created = fhir.post("Communication", question);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.resource().getIdElement().getIdPart();

        JsonNode rows = outbox("?resource=Communication/" + id).get("entries");
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.get("status").asText()).isEqualTo("unroutable");
            assertThat(row.get("rules").asText()).isEqualTo("R-COM-1");
        });
        Parameters routes = fhir.get("Communication/" + id + "/$routes").as(Parameters.class);
        assertThat(routes.getParameter("unroutable").getValue().primitiveValue()).contains("R-COM-1").contains("telephone");
    }

    @Test
    void concurrentWorkersDeliverABurstWithoutDuplicateOrLoss() throws Exception {
        ChannelSimulator lifecare = simulators.get("lifecare-sp");
        int actedBefore = lifecare.actedOn().size();
        int requestsBefore = lifecare.requests();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<String>> made = new ArrayList<>();
        for (int i = 0; i < burst(); i++) {
            int n = 1000 + i;
            made.add(clients.submit(() -> createdTask(intake.postJson("sip-invitation", RoutedDocuments.sipInvitation(n)))));
        }
        for (Future<String> f : made) {
            f.get();
        }
        clients.shutdown();

        try (AdapterServer second = nodesShareTheWork() ? AdapterServer.start(routed.config, clock) : null) {
            AdapterServer other = second == null ? server : second; // H2: a second worker on the same node
            ExecutorService nodes = Executors.newFixedThreadPool(2);
            Future<Integer> first = nodes.submit(() -> drainWith(server));
            Future<Integer> otherDrain = nodes.submit(() -> drainWith(other));
            int delivered = first.get() + otherDrain.get();
            nodes.shutdown();

            System.out.println("burst of " + burst() + ": worker 1 delivered " + first.get() + ", worker 2 " + otherDrain.get());
            assertThat(delivered).isEqualTo(burst());
            if (nodesShareTheWork()) {
                assertThat(first.get()).as("both nodes took part").isPositive();
                assertThat(otherDrain.get()).as("both nodes took part").isPositive();
            }
        }
        assertThat(lifecare.actedOn()).hasSize(actedBefore + burst());
        assertThat(lifecare.requests() - requestsBefore).as("no row was delivered twice").isEqualTo(burst());
        assertThat(outbox("?status=pending").get("counts").get("pending").asInt()).isZero();
    }

    /** Runs the node's worker until it has found nothing to claim for a while (the other node may hold rows). */
    private static int drainWith(AdapterServer node) throws InterruptedException {
        int total = 0;
        for (int idle = 0; idle < 20; ) {
            int n = node.outboxWorker().runOnce();
            total += n;
            idle = n == 0 ? idle + 1 : 0;
            if (n == 0) {
                Thread.sleep(10);
            }
        }
        return total;
    }
}
