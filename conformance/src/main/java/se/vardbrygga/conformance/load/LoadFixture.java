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

/**
 * What the run's requests refer to, as references ({@code Type/id}): the patient, the sending unit (the caller's
 * own), the receiving home-care unit and the ordering physician's role at the sending unit. The units are looked up
 * in the server's directory by HSA-id (a load run does not invent units: a secured server lets a unit write only
 * what names it); the physician and the patient are conditional creates, and the patient's consent to information
 * sharing between the two units is written once per run (R-CON-1, R-HV-4: without it the server holds or refuses
 * the handover). All of it by the sender, once, and not counted as load.
 */
record LoadFixture(String patient, String requester, String owner, String physicianRole) {
    static final String OPERATION = "fixture";
    private static final String HSA = "urn:oid:1.2.752.29.4.19";
    private static final JsonTemplate TRANSACTION = JsonTemplate.load("fixture-transaction.json");

    /** The fixture of a run, made by the first worker that needs it and shared by all; a failure is retried. */
    static final class Cell {
        private LoadFixture fixture;

        synchronized Optional<LoadFixture> get(ScenarioContext context) throws InterruptedException {
            if (fixture == null) {
                fixture = create(context).orElse(null);
            }
            return Optional.ofNullable(fixture);
        }
    }

    private static Optional<LoadFixture> create(ScenarioContext context) throws InterruptedException {
        LoadSubjects subjects = context.subjects();
        Optional<String> requester = unit(context, subjects.requesterHsaId());
        Optional<String> owner = requester.isPresent() ? unit(context, subjects.ownerHsaId()) : Optional.empty();
        if (owner.isEmpty()) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String body = TRANSACTION.fill(Map.of("physicianHsaId", subjects.physicianHsaId(), "personnummer", subjects.personnummer(),
                "requester", requester.get(), "owner", owner.get(), "today", today.toString(), "inOneYear", today.plusYears(1).toString(),
                "now", JsonTemplate.now()));
        HttpRequest create = context.request("").header("Content-Type", ScenarioContext.FHIR_JSON)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        ResponseCheck fourLocations = ResponseCheck.status(200).and(response -> FhirAnswer.locations(response).size() == 4
                ? Optional.empty() : Optional.of("fixture transaction without 4 entry locations"));
        return context.prepare(OPERATION, create, fourLocations).map(FhirAnswer::locations)
                .map(l -> new LoadFixture(l.get(2), requester.get(), owner.get(), l.get(1)));
    }

    /** {@code Organization/id} of the unit with this HSA-id; a missing unit is an error naming the HSA-id. */
    private static Optional<String> unit(ScenarioContext context, String hsaId) throws InterruptedException {
        HttpRequest search = context.request("Organization?identifier=" + URLEncoder.encode(HSA + "|" + hsaId, StandardCharsets.UTF_8))
                .GET().build();
        ResponseCheck found = ResponseCheck.status(200).and(response -> firstId(response).isPresent()
                ? Optional.empty() : Optional.of("no Organization with HSA-id " + hsaId + " (give --var)"));
        return context.prepare(OPERATION, search, found).flatMap(LoadFixture::firstId).map(id -> "Organization/" + id);
    }

    private static Optional<String> firstId(HttpResponse<String> response) {
        JsonNode id = FhirAnswer.tree(response).path("entry").path(0).path("resource").path("id");
        return id.isTextual() ? Optional.of(id.asText()) : Optional.empty();
    }
}
