package se.vardbrygga.conformance.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** What the load scenarios read from a FHIR answer's JSON; an answer that is not JSON reads as empty. */
final class FhirAnswer {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FhirAnswer() {
    }

    /** The answer's JSON, or a missing node (every path empty) when it is not JSON. */
    static JsonNode tree(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    /** The {@code Type/id} of each entry's location in a transaction response, in order. */
    static List<String> locations(HttpResponse<String> response) {
        List<String> locations = new ArrayList<>();
        for (JsonNode entry : tree(response).path("entry")) {
            FhirLocation.reference(entry.path("response").path("location").asText("")).ifPresent(locations::add);
        }
        return locations;
    }
}
