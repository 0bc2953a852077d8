package se.vardbrygga.conformance.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a {@link Scenario} gets from its worker: request builders bound to the base URL, and {@link #exchange}, which
 * sends, times and records a request. One instance per worker thread; not shared.
 */
public final class ScenarioContext {
    /** The media type of every load request's body and answer. */
    static final String FHIR_JSON = "application/fhir+json";

    private final HttpClient client;
    private final String baseUrl;
    private final Supplier<String> sender;
    private final Supplier<String> receiver;
    private final LoadSubjects subjects;
    private final Duration requestTimeout;
    private final RunWindow window;
    private final WorkerRecorder recorder;
    private final LoadFixture.Cell fixture;

    /**
     * @param sender   the Authorization header of the sending unit's requests (null: none)
     * @param receiver the same for the receiving unit's
     */
    ScenarioContext(HttpClient client, LoadConfig config, Supplier<String> sender, Supplier<String> receiver, Duration requestTimeout,
            RunWindow window, WorkerRecorder recorder, LoadFixture.Cell fixture) {
        this.client = Objects.requireNonNull(client, "client");
        this.baseUrl = config.baseUrl();
        this.subjects = config.subjects();
        this.sender = Objects.requireNonNull(sender, "sender");
        this.receiver = Objects.requireNonNull(receiver, "receiver");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.window = Objects.requireNonNull(window, "window");
        this.recorder = Objects.requireNonNull(recorder, "recorder");
        this.fixture = Objects.requireNonNull(fixture, "fixture");
    }

    /** The resources the run's requests refer to; empty while they could not be created (an error). */
    Optional<LoadFixture> fixture() throws InterruptedException {
        return fixture.get(this);
    }

    /** The patient and units the requests are about. */
    LoadSubjects subjects() {
        return subjects;
    }

    /**
     * A request of the sending unit to {@code {base}/{relativePath}}, with timeout, {@code Accept:
     * application/fhir+json} and the sender's Authorization.
     *
     * @param relativePath e.g. {@code Task} or {@code Task/123}, empty for the base itself (transactions); no leading
     *                     slash, no scheme
     */
    public HttpRequest.Builder request(String relativePath) {
        return builder(relativePath, sender);
    }

    /** A request of the receiving unit (the sender's when the run has no receiver), as {@link #request}. */
    public HttpRequest.Builder receiverRequest(String relativePath) {
        return builder(relativePath, receiver);
    }

    private HttpRequest.Builder builder(String relativePath, Supplier<String> authorization) {
        if (relativePath.startsWith("/") || relativePath.contains("://") || relativePath.contains("..")) {
            throw new IllegalArgumentException("not a path relative to the base URL: " + relativePath);
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(relativePath.isEmpty() ? baseUrl : baseUrl + "/" + relativePath))
                .timeout(requestTimeout)
                .header("Accept", FHIR_JSON);
        String header = authorization.get();
        if (header != null) {
            builder.header("Authorization", header);
        }
        return builder;
    }

    /**
     * Sends {@code request} unless the run is over, and records it under {@code operation}: its latency if the
     * response passes {@code check}, otherwise an error (also for I/O failures and timeouts).
     *
     * @return the response if it passed the check; empty if it failed or was not sent because the run is over
     */
    public Optional<HttpResponse<String>> exchange(String operation, HttpRequest request, ResponseCheck check)
            throws InterruptedException {
        return send(operation, request, check, true);
    }

    /**
     * Like {@link #exchange}, for preparing a run rather than loading it: a failure is recorded as an error of
     * {@code operation}, a success is not recorded at all.
     */
    Optional<HttpResponse<String>> prepare(String operation, HttpRequest request, ResponseCheck check)
            throws InterruptedException {
        return send(operation, request, check, false);
    }

    private Optional<HttpResponse<String>> send(String operation, HttpRequest request, ResponseCheck check,
            boolean recordSuccess) throws InterruptedException {
        String uri = request.uri().toString();
        if (!uri.equals(baseUrl) && !uri.startsWith(baseUrl + "/")) {
            throw new IllegalArgumentException("request outside the base URL: " + request.uri());
        }
        long start = System.nanoTime();
        RunWindow.Phase phase = window.phaseAt(start);
        if (phase == RunWindow.Phase.OVER) {
            return Optional.empty();
        }
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            recorder.error(phase, operation, e.getClass().getSimpleName());
            return Optional.empty();
        }
        long elapsed = System.nanoTime() - start;
        Optional<String> problem = check.problem(response);
        if (problem.isPresent()) {
            recorder.error(phase, operation, problem.get());
            return Optional.empty();
        }
        if (recordSuccess) {
            recorder.success(phase, operation, elapsed);
        }
        return Optional.of(response);
    }

    /** Records a scenario bug (unexpected runtime exception) as an error, so that it cannot go unnoticed. */
    void scenarioFailed(String scenario, RuntimeException e) {
        RunWindow.Phase phase = window.phaseAt(System.nanoTime());
        recorder.error(phase == RunWindow.Phase.OVER ? RunWindow.Phase.MEASURE : phase,
                scenario, e.getClass().getSimpleName());
    }
}
