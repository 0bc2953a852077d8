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
 * @param rate     iterations per second over all threads; 0 for as many as the threads manage (maximal rate)
 * @param auth     the sending and receiving units' credentials
 * @param subjects the patient and units the requests are about
 * @param jsonFile where to write the JSON summary
 */
public record LoadConfig(
        String baseUrl,
        int threads,
        Duration duration,
        Duration warmup,
        String scenario,
        double rate,
        LoadAuth auth,
        LoadSubjects subjects,
        Optional<Path> jsonFile) {

    public LoadConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(warmup, "warmup");
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(subjects, "subjects");
        Objects.requireNonNull(jsonFile, "jsonFile");
    }

    /** True when the workers keep to {@link #rate} rather than going as fast as they can. */
    public boolean steady() {
        return rate > 0;
    }
}
