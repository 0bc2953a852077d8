package se.vardbrygga.conformance.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated load-run configuration.
 *
 * @param baseUrl  FHIR base URL without trailing slash, e.g. {@code http://localhost:8080/fhir}
 * @param threads  number of worker threads
 * @param duration measured phase
 * @param warmup   warm-up phase before it (requests are sent but not recorded)
 * @param scenario scenario name, see {@link Scenarios}
 * @param token    bearer token sent as {@code Authorization: Bearer ...}
 * @param jsonFile where to write the JSON summary
 */
public record LoadConfig(
        String baseUrl,
        int threads,
        Duration duration,
        Duration warmup,
        String scenario,
        Optional<String> token,
        Optional<Path> jsonFile) {

    public LoadConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(warmup, "warmup");
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(jsonFile, "jsonFile");
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "LoadConfig[baseUrl=" + baseUrl + ", threads=" + threads + ", duration=" + duration
                + ", warmup=" + warmup + ", scenario=" + scenario
                + ", token=" + (token.isPresent() ? "<redacted>" : "<none>")
                + ", jsonFile=" + jsonFile.map(Path::toString).orElse("<none>") + "]";
    }
}
