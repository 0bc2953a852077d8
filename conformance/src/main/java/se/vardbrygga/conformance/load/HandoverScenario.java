package se.vardbrygga.conformance.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code handover}, the default: what a discharge looks like between a region and a municipality (R-INFO-3). The
 * sending unit writes, in one transaction, the home-visit order (ServiceRequest), the receiving unit's home-visit Task
 * and the SBAR handover (Communication based on the order, about the Task) — operation {@code handover}; the receiving
 * unit then searches its inbox, the newest requested Tasks it owns ({@code search}), and reads the new Task
 * ({@code read}). Stateless.
 */
public final class HandoverScenario implements Scenario {

    public static final String NAME = "handover";
    public static final String HANDOVER = "handover";
    public static final String SEARCH = "search";
    public static final String READ = "read";

    private static final JsonTemplate TRANSACTION = JsonTemplate.load("handover-transaction.json");

    private static final ResponseCheck THREE_CREATED = ResponseCheck.status(200).and(response -> {
        List<String> locations = FhirAnswer.locations(response);
        return locations.size() == 3 && locations.get(1).startsWith("Task/")
                ? Optional.empty()
                : Optional.of("transaction response without the order, the Task and the handover");
    });

    private static final ResponseCheck SEARCHSET = ResponseCheck.status(200).and(response -> bundleType(response)
            .filter("searchset"::equals).isPresent() ? Optional.empty() : Optional.of("not a searchset Bundle"));

    @Override
    public void iterate(ScenarioContext context) throws InterruptedException {
        Optional<LoadFixture> fixture = context.fixture();
        if (fixture.isEmpty()) {
            return;
        }
        HttpRequest handover = context.request("").header("Content-Type", ScenarioContext.FHIR_JSON)
                .POST(HttpRequest.BodyPublishers.ofString(transaction(fixture.get(), LocalDate.now(ZoneOffset.UTC)))).build();
        Optional<String> task = context.exchange(HANDOVER, handover, THREE_CREATED).map(r -> FhirAnswer.locations(r).get(1));
        if (task.isEmpty()) {
            return;
        }
        String inbox = "Task?owner=" + URLEncoder.encode(fixture.get().owner(), StandardCharsets.UTF_8)
                + "&status=requested&_sort=-_lastUpdated&_count=10";
        if (context.exchange(SEARCH, context.receiverRequest(inbox).GET().build(), SEARCHSET).isEmpty()) {
            return;
        }
        context.exchange(READ, context.receiverRequest(task.get()).GET().build(), ResponseCheck.status(200));
    }

    /** The order (home visits over the next three weeks), the Task and the SBAR handover, with fresh identifiers. */
    static String transaction(LoadFixture fixture, LocalDate today) {
        return TRANSACTION.fill(Map.of("uuid1", UUID.randomUUID().toString(), "uuid2", UUID.randomUUID().toString(),
                "uuid3", UUID.randomUUID().toString(), "patient", fixture.patient(), "requester", fixture.requester(),
                "owner", fixture.owner(), "physicianRole", fixture.physicianRole(),
                "now", JsonTemplate.now(),
                "start", today.plusDays(1).toString(), "end", today.plusDays(21).toString()));
    }

    private static Optional<String> bundleType(HttpResponse<String> response) {
        JsonNode type = FhirAnswer.tree(response).path("type");
        return type.isTextual() ? Optional.of(type.asText()) : Optional.empty();
    }
}
