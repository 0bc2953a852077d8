package se.vardbrygga.conformance.suite;

import java.util.List;
import java.util.Map;

/**
 * One HTTP request and the answer to it, as the transcripts show them (before masking). {@code status} is 0 and
 * {@code responseBody} the reason when no answer came.
 */
public record Exchange(String method, String url, Map<String, List<String>> requestHeaders, String requestBody,
                       int status, Map<String, List<String>> responseHeaders, String responseBody, long millis) {

    /** The first value of a response header (case-insensitive name), or null. */
    public String responseHeader(String name) {
        return responseHeaders.entrySet().stream().filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
    }
}
