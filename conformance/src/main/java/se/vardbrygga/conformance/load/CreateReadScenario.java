package se.vardbrygga.conformance.load;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code create-read}: POST a new Task (expect 201 + Location), then GET it by the returned id (expect 200), both as
 * the sending unit.
 * Records operations {@code create} and {@code read}. Stateless.
 */
public final class CreateReadScenario implements Scenario {

    public static final String NAME = "create-read";
    public static final String CREATE = "create";
    public static final String READ = "read";

    static final String IDENTIFIER_SYSTEM = "http://vardbrygga.example/fhir/sid/load-test";

    static final ResponseCheck CREATED_WITH_LOCATION = ResponseCheck.status(201).and(response ->
            taskId(response).isPresent()
                    ? Optional.empty()
                    : Optional.of("HTTP 201 without a Task Location header"));

    @Override
    public void iterate(ScenarioContext context) throws InterruptedException {
        Optional<String> id = CreateScenario.createTask(context, CREATE);
        if (id.isEmpty()) {
            return;
        }
        HttpRequest read = context.request("Task/" + id.get()).GET().build();
        context.exchange(READ, read, ResponseCheck.status(200));
    }

    /**
     * A Task as any EHR can send it (valid R4, no Vårdbrygga profile needed): from the sending unit to the receiving
     * unit about the run's patient, referring to the run's {@link LoadFixture}. The inputs are a UUID, an instant and
     * server ids, so no JSON escaping is needed.
     */
    static String taskJson(UUID identifier, Instant authoredOn, LoadFixture fixture) {
        return "{\"resourceType\":\"Task\","
                + "\"identifier\":[{\"system\":\"" + IDENTIFIER_SYSTEM + "\",\"value\":\"" + identifier + "\"}],"
                + "\"status\":\"requested\","
                + "\"intent\":\"order\","
                + "\"description\":\"Load test Task\","
                + "\"for\":{\"reference\":\"" + fixture.patient() + "\"},"
                + "\"authoredOn\":\"" + authoredOn.truncatedTo(ChronoUnit.MILLIS) + "\","
                + "\"requester\":{\"reference\":\"" + fixture.requester() + "\"},"
                + "\"owner\":{\"reference\":\"" + fixture.owner() + "\"}}";
    }

    static Optional<String> taskId(HttpResponse<String> response) {
        return response.headers().firstValue("Location").flatMap(location -> FhirLocation.idOf("Task", location));
    }
}
