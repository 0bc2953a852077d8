package se.vardbrygga.conformance.load;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the load run's Tasks refer to: a ward that requests, a municipal home-care unit that owns (the
 * executor a companion request needs, R-CMP-1), a patient and a companion need. Created once per run by
 * a transaction of conditional creates, so that a second run (or the demo's data) reuses them.
 */
record LoadFixture(String patient, String carePlan, String requester, String owner) {
    private static final Pattern LOCATION = Pattern.compile("\"location\"\\s*:\\s*\"([A-Za-z]+/[A-Za-z0-9.-]+)");
    private static final String HSA = "urn:oid:1.2.752.29.4.19";
    private static final String ORG_TYPE = "http://vardbrygga.example/fhir/CodeSystem/organization-type";

    static final String OPERATION = "fixture";

    /**
     * The fixture of a run, created by the first worker that needs it and shared by all. Its creation is
     * not part of the load; a failed attempt is an error of operation {@value #OPERATION} and the next
     * iteration tries again.
     */
    static final class Cell {
        private LoadFixture fixture;

        synchronized Optional<LoadFixture> get(ScenarioContext context) throws InterruptedException {
            if (fixture == null) {
                HttpRequest create = context.base()
                        .header("Content-Type", CreateReadScenario.FHIR_JSON)
                        .POST(HttpRequest.BodyPublishers.ofString(transaction()))
                        .build();
                fixture = context.prepare(OPERATION, create, CREATED).flatMap(LoadFixture::parse).orElse(null);
            }
            return Optional.ofNullable(fixture);
        }
    }

    private static final ResponseCheck CREATED = ResponseCheck.status(200).and(response -> parse(response).isPresent()
            ? Optional.empty()
            : Optional.of("fixture transaction without 4 entry locations"));

    private static Optional<LoadFixture> parse(HttpResponse<String> response) {
        List<String> locations = new ArrayList<>();
        Matcher m = LOCATION.matcher(response.body());
        while (m.find()) {
            locations.add(m.group(1));
        }
        return locations.size() == 4
                ? Optional.of(new LoadFixture(locations.get(2), locations.get(3), locations.get(0), locations.get(1)))
                : Optional.empty();
    }

    private static String organization(String uuid, String hsaId, String type, String name) {
        return "{\"fullUrl\":\"urn:uuid:" + uuid + "\",\"resource\":{\"resourceType\":\"Organization\","
                + "\"identifier\":[{\"system\":\"" + HSA + "\",\"value\":\"" + hsaId + "\"}],\"active\":true,"
                + "\"type\":[{\"coding\":[{\"system\":\"" + ORG_TYPE + "\",\"code\":\"" + type + "\"}]}],\"name\":\"" + name + "\"},"
                + "\"request\":{\"method\":\"POST\",\"url\":\"Organization\",\"ifNoneExist\":\"identifier=" + HSA + "|" + hsaId + "\"}}";
    }

    static String transaction() {
        String pnr = "http://electronichealth.se/identifier/personnummer";
        return "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":["
                + organization("3f4c0a52-0000-4000-8000-000000000001", "SE2321000000-LOADWARD", "region-ward", "Load test ward") + ","
                + organization("3f4c0a52-0000-4000-8000-000000000002", "SE2120000000-LOADHOME", "municipal-home-care", "Load test home care") + ","
                + "{\"fullUrl\":\"urn:uuid:3f4c0a52-0000-4000-8000-000000000003\",\"resource\":{\"resourceType\":\"Patient\","
                + "\"identifier\":[{\"system\":\"" + pnr + "\",\"value\":\"191212121212\"}]},"
                + "\"request\":{\"method\":\"POST\",\"url\":\"Patient\",\"ifNoneExist\":\"identifier=" + pnr + "|191212121212\"}},"
                + "{\"fullUrl\":\"urn:uuid:3f4c0a52-0000-4000-8000-000000000004\",\"resource\":{\"resourceType\":\"CarePlan\","
                + "\"identifier\":[{\"system\":\"" + CreateReadScenario.IDENTIFIER_SYSTEM + "\",\"value\":\"companion-need\"}],"
                + "\"extension\":[{\"url\":\"http://vardbrygga.example/fhir/StructureDefinition/vb-visit-context\","
                + "\"valueCoding\":{\"system\":\"http://vardbrygga.example/fhir/CodeSystem/visit-context\",\"code\":\"planned-outpatient\"}}],"
                + "\"status\":\"active\",\"intent\":\"plan\",\"category\":[{\"coding\":[{\"system\":"
                + "\"http://vardbrygga.example/fhir/CodeSystem/careplan-category\",\"code\":\"companion-need\"}]}],"
                + "\"subject\":{\"reference\":\"urn:uuid:3f4c0a52-0000-4000-8000-000000000003\"}},"
                + "\"request\":{\"method\":\"POST\",\"url\":\"CarePlan\",\"ifNoneExist\":\"identifier="
                + CreateReadScenario.IDENTIFIER_SYSTEM + "|companion-need\"}}]}";
    }
}
