package se.vardbrygga.adapter.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A created resource survives {@code kill -9} of the adapter and a restart: the executable jar is
 * started as a process on the embedded H2 file, killed with SIGKILL right after its last 201, and
 * started again on the same file.
 */
class DurabilityIT {
    private static final int RESOURCES = 25;

    @TempDir
    Path dataDir;

    @Test
    void When_ProcessKilledRightAfterCreates_Expect_EveryCreatedResourceReadableAfterRestart() throws Exception {
        // as shipped: no WRITE_DELAY=0 in the URL; the store checkpoints every write before acknowledging it
        String dbUrl = "jdbc:h2:file:" + dataDir.resolve("db") + ";RETENTION_TIME=0";
        List<String> created = new ArrayList<>();

        int port = freePort();
        Process first = startServe(dbUrl, port);
        try {
            FhirHttp http = new FhirHttp("http://localhost:" + port + "/fhir");
            for (int i = 0; i < RESOURCES; i++) {
                Patient patient = FhirInteractionsContract.patient("durable-" + i);
                patient.addIdentifier().setSystem("http://electronichealth.se/identifier/personnummer").setValue("191212121212");
                FhirHttp.Response r = http.post("Patient", patient);
                assertThat(r.status()).isEqualTo(201);
                created.add(r.resource().getIdElement().getIdPart());
            }
        } finally {
            first.destroyForcibly(); // SIGKILL: no shutdown hook, no clean close of the database
            first.waitFor();
        }

        int port2 = freePort();
        Process second = startServe(dbUrl, port2);
        try {
            FhirHttp http = new FhirHttp("http://localhost:" + port2 + "/fhir");
            for (int i = 0; i < RESOURCES; i++) {
                FhirHttp.Response r = http.get("Patient/" + created.get(i));
                assertThat(r.status()).as("Patient %d after kill -9", i).isEqualTo(200);
                assertThat(r.as(Patient.class).getIdentifierFirstRep().getValue()).isEqualTo("durable-" + i);
            }
        } finally {
            second.destroyForcibly();
            second.waitFor();
        }
    }

    private Process startServe(String dbUrl, int port) throws Exception {
        String jar = System.getProperty("vardbrygga.jar");
        assertThat(jar).as("system property vardbrygga.jar (set by failsafe)").isNotNull();
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar, "serve", "--port", String.valueOf(port));
        pb.environment().put("VARDBRYGGA_DATABASE_URL", dbUrl);
        pb.environment().put("VARDBRYGGA_SERVER_HOST", "127.0.0.1");
        pb.redirectErrorStream(true);
        pb.redirectOutput(dataDir.resolve("serve-" + port + ".log").toFile());
        Process process = pb.start();
        awaitHealthy(process, port);
        return process;
    }

    private static void awaitHealthy(Process process, int port) throws InterruptedException {
        FhirHttp health = new FhirHttp("http://localhost:" + port);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as("adapter process exited during start").isTrue();
            try {
                if (health.get("health").status() == 200) {
                    return;
                }
            } catch (RuntimeException notYetListening) {
                // keep polling
            }
            Thread.sleep(100);
        }
        throw new AssertionError("adapter did not become healthy within 60 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
