package se.vardbrygga.simulators;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The NPÖ simulator over real HTTP: notes read only with the patient's consent; already-handled messages kept apart. */
class ChannelSimulatorTest {
    private static final String NOTE = "{\"resourceType\":\"DocumentReference\",\"status\":\"current\","
            + "\"subject\":{\"reference\":\"Patient/p1\"}%s}";
    private static final String HANDLED = ",\"meta\":{\"tag\":[{\"system\":\"" + ChannelSimulator.HANDLED_SYSTEM + "\",\"code\":\""
            + ChannelSimulator.HANDLED_CODE + "\"}]}";

    private final HttpClient http = HttpClient.newHttpClient();
    private ChannelSimulator npo;
    private String token;

    @BeforeEach
    void start() throws Exception {
        npo = ChannelSimulator.start("npo", ChannelSimulator.Kind.NPO, 0);
        String body = send(HttpRequest.newBuilder(URI.create(npo.fhirBase().replace("/fhir", "/oauth2/token")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=" + ChannelSimulator.CLIENT_ID
                        + "&client_secret=" + ChannelSimulator.CLIENT_SECRET))).body();
        token = body.replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
    }

    @AfterEach
    void stop() {
        npo.close();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> publish(String messageId, String note) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(npo.fhirBase() + "/DocumentReference")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/fhir+json").header("If-None-Exist", "identifier=" + messageId)
                .POST(HttpRequest.BodyPublishers.ofString(note)));
    }

    private HttpRequest.Builder read() {
        return HttpRequest.newBuilder(URI.create(npo.fhirBase() + "/DocumentReference?subject=Patient/p1"))
                .header("Authorization", "Bearer " + token).GET();
    }

    @Test
    void When_ANoteIsReadWithoutTheConsent_Expect_403_AndWithIt_TheNote() throws Exception {
        assertThat(publish("m1", NOTE.formatted("")).statusCode()).isEqualTo(201);

        HttpResponse<String> refused = send(read());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("consent");
        HttpResponse<String> read = send(read().header(ChannelSimulator.CONSENT_HEADER, "Consent/c1"));
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"total\":1").contains("Patient/p1");
    }

    @Test
    void When_AMessageIsTaggedAsHandledByTheOutageRoutine_Expect_RecordedNotActedOn_R_OUT_1() throws Exception {
        assertThat(publish("m2", NOTE.formatted(HANDLED)).statusCode()).isEqualTo(201);
        assertThat(publish("m2", NOTE.formatted(HANDLED)).statusCode()).as("a redelivery").isEqualTo(200);

        assertThat(npo.actedOn()).isEmpty();
        assertThat(npo.reconciled()).containsOnlyKeys("identifier=m2");
        assertThat(npo.duplicates()).isEqualTo(1);
    }
}
