package se.vardbrygga.adapter.fhir;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.List;

/** Reads the {@code Prefer} header (RFC 7240) as FHIR uses it. */
final class PreferHeader {
    private PreferHeader() {
    }

    /** {@code Prefer: handling=lenient}: ignore unknown search parameters instead of 400. */
    static boolean isLenient(RequestDetails request) {
        List<String> values = request.getHeaders("Prefer");
        return values != null && values.stream()
                .flatMap(v -> java.util.Arrays.stream(v.split("[,;]")))
                .map(String::trim)
                .anyMatch(v -> v.equalsIgnoreCase("handling=lenient"));
    }
}
