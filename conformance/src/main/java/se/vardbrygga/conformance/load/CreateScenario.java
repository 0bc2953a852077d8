package se.vardbrygga.conformance.load;

import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** {@code create}: POST a new Task (expect 201 + Location) and nothing else. Records {@code create}. Stateless. */
public final class CreateScenario implements Scenario {

    public static final String NAME = "create";

    @Override
    public void iterate(ScenarioContext context) throws InterruptedException {
        createTask(context, CreateReadScenario.CREATE);
    }

    /** POSTs a fresh Task and returns its id, recording the exchange as {@code operation}. */
    static Optional<String> createTask(ScenarioContext context, String operation) throws InterruptedException {
        Optional<LoadFixture> fixture = context.fixture();
        if (fixture.isEmpty()) {
            return Optional.empty();
        }
        HttpRequest create = context.request("Task")
                .header("Content-Type", ScenarioContext.FHIR_JSON)
                .POST(HttpRequest.BodyPublishers.ofString(CreateReadScenario.taskJson(UUID.randomUUID(), Instant.now(), fixture.get())))
                .build();
        return context.exchange(operation, create, CreateReadScenario.CREATED_WITH_LOCATION)
                .flatMap(CreateReadScenario::taskId);
    }
}
