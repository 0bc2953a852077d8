package se.vardbrygga.conformance.load;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code create-read}: POST a new Task (expect 201 + Location), then GET it by the returned id (expect 200).
 * Records operations {@code create} and {@code read}. Stateless.
 */
public final class CreateReadScenario implements Scenario {

    public static final String NAME = "create-read";
    public static final String CREATE = "create";
    public static final String READ = "read";

    static final String FHIR_JSON = "application/fhir+json";
    static final String TASK_CODE_SYSTEM = "http://vardbrygga.example/fhir/CodeSystem/task-code";
    static final String TASK_CODE = "companion-request";
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
     * A companion-request Task as an EHR sends it: valid R4 and valid against the Vårdbrygga profile
     * vb-companion-request-task (focus, patient, requester, owner), referring to the run's
     * {@link LoadFixture}. The inputs are a UUID, an instant and server ids, so no JSON escaping is needed.
     */
    static String taskJson(UUID identifier, Instant authoredOn, LoadFixture fixture) {
        return "{\"resourceType\":\"Task\","
                + "\"identifier\":[{\"system\":\"" + IDENTIFIER_SYSTEM + "\",\"value\":\"" + identifier + "\"}],"
                + "\"status\":\"requested\","
                + "\"intent\":\"order\","
                + "\"code\":{\"coding\":[{\"system\":\"" + TASK_CODE_SYSTEM + "\",\"code\":\"" + TASK_CODE + "\"}]},"
                + "\"focus\":{\"reference\":\"" + fixture.carePlan() + "\"},"
                + "\"for\":{\"reference\":\"" + fixture.patient() + "\"},"
                + "\"authoredOn\":\"" + authoredOn.truncatedTo(ChronoUnit.MILLIS) + "\","
                + "\"requester\":{\"reference\":\"" + fixture.requester() + "\"},"
                + "\"owner\":{\"reference\":\"" + fixture.owner() + "\"}}";
    }

    static Optional<String> taskId(HttpResponse<String> response) {
        return response.headers().firstValue("Location").flatMap(location -> FhirLocation.idOf("Task", location));
    }
}
