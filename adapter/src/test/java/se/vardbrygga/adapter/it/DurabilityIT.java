package se.vardbrygga.adapter.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        Map<String, String> env = Map.of("VARDBRYGGA_DATABASE_URL", "jdbc:h2:file:" + dataDir.resolve("db") + ";RETENTION_TIME=0");
        List<String> created = new ArrayList<>();

        try (AdapterProcess first = AdapterProcess.start(env, dataDir.resolve("serve-1.log"))) {
            FhirHttp http = new FhirHttp(first.baseUrl());
            for (int i = 0; i < RESOURCES; i++) {
                Patient patient = FhirInteractionsContract.patient("durable-" + i);
                patient.addIdentifier().setSystem("http://electronichealth.se/identifier/personnummer").setValue("191212121212");
                FhirHttp.Response r = http.post("Patient", patient);
                assertThat(r.status()).isEqualTo(201);
                created.add(r.resource().getIdElement().getIdPart());
            }
        } // closing kills it with SIGKILL: no shutdown hook, no clean close of the database

        try (AdapterProcess second = AdapterProcess.start(env, dataDir.resolve("serve-2.log"))) {
            FhirHttp http = new FhirHttp(second.baseUrl());
            for (int i = 0; i < RESOURCES; i++) {
                FhirHttp.Response r = http.get("Patient/" + created.get(i));
                assertThat(r.status()).as("Patient %d after kill -9", i).isEqualTo(200);
                assertThat(r.as(Patient.class).getIdentifierFirstRep().getValue()).isEqualTo("durable-" + i);
            }
        }
    }
}
